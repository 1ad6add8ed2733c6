import nlp from 'compromise';
const lines = (await import('node:fs')).readFileSync('tests/fixtures/corpus/claims-dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const { id, text } of lines) {
  const doc = nlp(text);
  const nums = doc.numbers().json().map((n: any) => [n.text, n.number?.num ?? n.number]);
  const pct = doc.percentages().json().map((n: any) => n.text);
  const frac = doc.fractions().json().map((n: any) => [n.text, n.fraction?.decimal]);
  const neg = doc.has('#Negative');
  console.log(id, JSON.stringify({ nums, pct, frac, neg }));
}
