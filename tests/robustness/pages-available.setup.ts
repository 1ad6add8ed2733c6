import { existsSync } from 'node:fs';

export default function setup() {
  if (!existsSync('../shared/pages/readability')) {
    console.log(
      'robustness: ../shared/pages/readability is absent (it belongs to another project), so the real-page suite has nothing to run.',
    );
  }
}
