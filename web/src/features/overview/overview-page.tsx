/** The Overview page (being built). */
export default function OverviewPage({ portfolio }: { portfolio: string }) {
  return <p className="panel">Overview of {portfolio}</p>;
}
