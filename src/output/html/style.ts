export const REPORT_CSS = `
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#fafafa}
body{margin:0}header{padding:16px 24px;background:#263238;color:#fff}header h1{margin:0;font-size:22px}
.meta{margin:6px 0 0;font-size:13px;opacity:.9}main{padding:8px 24px 40px}
h2{margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px 16px;min-width:110px}
.card-value{font-size:26px;font-weight:600}.card-label{font-size:12px;color:#555}
.card.s-PASS .card-value{color:#2e7d32}.card.s-FAIL .card-value{color:#c62828}.card.s-ERROR .card-value{color:#ef6c00}.card.s-NOT_ASSESSED .card-value{color:#546e7a}
.charts{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start;margin:16px 0}figure{margin:0;background:#fff;border:1px solid #ddd;border-radius:8px;padding:8px}
legend,.legend{font-size:12px;color:#444}.legend span{margin-right:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
figcaption{font-size:12px;color:#555;text-align:center}.chart text{font-size:12px;fill:#333}.donut-total{font-size:20px!important;font-weight:600}
.warning{background:#fff3e0;border-left:4px solid #ef6c00;padding:8px 12px}
.overdue{color:#c62828}tr.overdue td{background:#ffebee}
table.grid{border-collapse:collapse;width:100%;background:#fff;font-size:13px;margin-bottom:12px}
.grid th,.grid td{border:1px solid #e0e0e0;padding:4px 8px;text-align:left;vertical-align:top}.grid th{background:#f0f0f0}.num{text-align:right}
.badge{color:#fff;border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}
.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:8px 0}.filters select,.filters input[type=search]{padding:4px}
.table-head,.row{display:grid;grid-template-columns:130px 80px minmax(200px,2fr) minmax(160px,2fr) 170px 120px;gap:8px;align-items:center;font-size:13px}
.table-head{font-weight:600;padding:4px 8px;background:#eceff1}
#viewport{position:relative;height:60vh;overflow:auto;background:#fff;border:1px solid #ddd}#spacer{width:1px}
#rows{position:absolute;top:0;left:0;right:0}.row{position:absolute;left:0;right:0;height:30px;padding:0 8px;border-bottom:1px solid #f0f0f0;cursor:pointer}
.row:hover,.row:focus{background:#e3f2fd;outline:none}.row.muted{opacity:.65}
.cell{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.status{font-weight:600}.s-PASS{color:#2e7d32}.s-FAIL{color:#c62828}.s-ERROR{color:#ef6c00}.s-NOT_ASSESSED{color:#546e7a}.s-NOT_APPLICABLE{color:#757575}
.v-critical{color:#b71c1c;font-weight:600}.v-high{color:#c62828}.v-medium{color:#ef6c00}
#detail{margin-top:12px;background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px 16px}
#detail dl{display:grid;grid-template-columns:140px 1fr;gap:4px 12px;font-size:13px}#detail dt{font-weight:600}#detail dd{margin:0;word-break:break-all}
pre{background:#f5f5f5;padding:8px;overflow:auto;font-size:12px;white-space:pre-wrap;word-break:break-all}
`;
