/** The Exposures page (being built). */
export default function ExposuresPage({ portfolio }: { portfolio: string }) {
  return <p className="panel">Exposures of {portfolio}</p>;
}
