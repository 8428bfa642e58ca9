import * as echarts from 'echarts';
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 200 });
chart.setOption({ animation: false, xAxis: { type: 'category', data: ['a','b'] }, yAxis: {}, series: [{ type: 'bar', data: [1, 2] }] });
const svg = chart.renderToSVGString();
console.log(svg.length, svg.slice(0, 200));
