/** The Data page (being built). */
export default function DataPage({ portfolio }: { portfolio: string }) {
  return <p className="panel">Data of {portfolio}</p>;
}
