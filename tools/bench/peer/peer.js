// The benchmark's peer: the plain page made interactive the usual JavaScript way, with
// well-known npm libraries for Yandu's first-tap features: search marks (mark.js) and
// highlights kept in localStorage (@recogito/text-annotator). Bundled and minified by esbuild
// (e2e/src/bin/bench.rs); it marks `peer:ready` once both answer.
import Mark from 'mark.js';
import { createTextAnnotator } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';

const KEY = 'peer:annotations';
const report = document.getElementById('report');
const annotator = createTextAnnotator(report);
try {
  annotator.setAnnotations(JSON.parse(localStorage.getItem(KEY) || '[]'));
} catch (e) {
  console.warn('stored annotations unreadable', e);
}
const save = () => {
  try {
    localStorage.setItem(KEY, JSON.stringify(annotator.getAnnotations()));
  } catch (e) {
    console.warn('not saved', e);
  }
};
annotator.on('createAnnotation', save);
annotator.on('updateAnnotation', save);
annotator.on('deleteAnnotation', save);

const marks = new Mark(report);
const box = document.getElementById('q');
box.addEventListener('input', () => {
  const query = box.value.trim();
  marks.unmark({
    done: () => {
      if (query) marks.mark(query, { separateWordSearch: false, acrossElements: true });
    },
  });
});
performance.mark('peer:ready');
document.documentElement.dataset.ready = '';
