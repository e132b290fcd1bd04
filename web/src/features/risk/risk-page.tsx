/** The Risk page (being built). */
export default function RiskPage({ portfolio }: { portfolio: string }) {
  return <p className="panel">Risk of {portfolio}</p>;
}
