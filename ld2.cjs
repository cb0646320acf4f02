const { detect } = require('tinyld')
const s = require('fs').readFileSync('/work/shared/corpus/bbc/business/001.txt','utf8')
for (const n of [40, 100, 200, 1500]) { const x=s.slice(0,n); detect(x); let t=performance.now(); for (let i=0;i<300;i++) detect(x); console.log(n, ((performance.now()-t)/300).toFixed(3)) }
