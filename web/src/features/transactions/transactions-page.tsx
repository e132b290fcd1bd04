/** The Transactions page (being built). */
export default function TransactionsPage({ portfolio }: { portfolio: string }) {
  return <p className="panel">Transactions of {portfolio}</p>;
}
