/** The Holdings page (being built). */
export default function HoldingsPage({ portfolio }: { portfolio: string }) {
  return <p className="panel">Holdings of {portfolio}</p>;
}
