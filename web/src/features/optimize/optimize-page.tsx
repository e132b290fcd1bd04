/** The Optimize page (being built). */
export default function OptimizePage({ portfolio }: { portfolio: string }) {
  return <p className="panel">Optimize of {portfolio}</p>;
}
