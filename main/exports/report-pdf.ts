// The managers' PDF report: a range (a week by default) of analytics on four A4 pages — the
// headline figures with their definitions, then each chart drawn by ECharts server-side as SVG
// (the same chart definitions the Analytics view uses) and placed into the PDF by svg-to-pdfkit.
import * as echarts from 'echarts';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { AnalyticsReport } from '../../native-bridge/contract/analytics';
import {
  analyticsDefinitions as defs,
  basketOption,
  dwellOption,
  footfallByDayOption,
  footfallByHourOption,
  formatMoney,
  formatPercent,
  heatmapAspect,
  heatmapOption,
  zoneFunnelOption,
} from '../../native-bridge/contract/analytics-charts';

const PAGE = { width: 595.28, height: 841.89, margin: 40 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

function chartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    // Without its own width and height the SVG fills the viewport svg-to-pdfkit is given, point for
    // point; with them, svg-to-pdfkit reads them as CSS pixels and shrinks the chart to 3/4.
    return chart.renderToSVGString().replace(/^<svg width="[\d.]+" height="[\d.]+"/, '<svg');
  } finally {
    chart.dispose();
  }
}

export interface PdfReportOptions {
  /** Printed in the footer; the caller's clock, so tests can fix it. */
  generatedAt: Date;
}

export function analyticsReportPdf(report: AnalyticsReport, options: PdfReportOptions): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: PAGE.margin, bufferPages: true, info: { Title: `${report.store.name}: analytics ${report.range.from} to ${report.range.to}`, Author: 'Walkout' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const chart = (option: echarts.EChartsCoreOption, height: number, width = CONTENT_WIDTH) => {
    const y = doc.y;
    SVGtoPDF(doc as unknown as typeof PDFDocument, chartSvg(option, width, height), PAGE.margin, y, { width, height });
    doc.y = y + height + 4;
  };
  const note = (text: string) => {
    doc.font('Helvetica').fontSize(8).fillColor('#555').text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.8);
    doc.fillColor('#000');
  };
  const heading = (text: string) => doc.font('Helvetica-Bold').fontSize(12).fillColor('#000').text(text, PAGE.margin, doc.y).moveDown(0.3);

  // Page 1: the headline figures and footfall.
  doc.font('Helvetica-Bold').fontSize(18).text(`${report.store.name} — store analytics`);
  doc.font('Helvetica').fontSize(10).fillColor('#444').text(`${report.range.from} to ${report.range.to} (${report.days} days, ${report.store.timezone})`).moveDown(0.8);
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, report.store.currency));
  const kpis: [string, string][] = [
    ['Sessions', String(report.footfall.sessions)],
    ['People', String(report.footfall.people)],
    ['Conversion', formatPercent(report.conversion.rate)],
    ['Mean basket', report.basket.meanUnits === null ? '—' : `${report.basket.meanUnits.toFixed(2)} units`],
    ['Mean basket value', money(report.basket.meanValueMinor)],
    ['Put-back rate', formatPercent(report.putBacks.rate)],
  ];
  const boxW = CONTENT_WIDTH / 3;
  const top = doc.y;
  kpis.forEach(([label, value], i) => {
    const x = PAGE.margin + (i % 3) * boxW;
    const y = top + Math.floor(i / 3) * 46;
    doc.rect(x + 2, y, boxW - 4, 42).fillAndStroke('#f3f6fa', '#d5dde8');
    doc.fillColor('#555').font('Helvetica').fontSize(8).text(label, x + 8, y + 6, { width: boxW - 16 });
    doc.fillColor('#000').font('Helvetica-Bold').fontSize(15).text(value, x + 8, y + 18, { width: boxW - 16 });
  });
  doc.y = top + 2 * 46 + 6;
  note(`${defs.footfall} ${defs.conversion} ${defs.basket} ${defs.putBacks}`);
  chart(footfallByHourOption(report), 220);
  chart(footfallByDayOption(report), 200);

  // Page 2: zones and the floor.
  doc.addPage();
  heading('Zones and the floor');
  chart(zoneFunnelOption(report), Math.min(340, 70 + 17 * Math.max(report.funnel.length, 3)));
  note(defs.funnel);
  chart(heatmapOption(report), Math.round((CONTENT_WIDTH - 80) / heatmapAspect(report)) + 40);
  note(defs.heatmap);

  // Page 3: dwell, one row per zone.
  doc.addPage();
  heading('Dwell');
  chart(dwellOption(report), Math.min(620, 70 + 18 * Math.max(report.dwell.zones.length, 3)));
  note(defs.dwell);

  // Page 4: baskets and products.
  doc.addPage();
  heading('Baskets and products');
  chart(basketOption(report), 200);
  note(defs.basket);
  heading('Top products');
  const columns = [
    { title: 'Product', width: 250 },
    { title: 'Category', width: 120 },
    { title: 'Units', width: 45 },
    { title: 'Revenue', width: 60 },
    { title: 'Receipts', width: 40 },
  ];
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = PAGE.margin;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: columns[i]!.width - 4, lineBreak: false, ellipsis: true });
      x += columns[i]!.width;
    });
    doc.y = y + 13;
  };
  row(columns.map((c) => c.title), true);
  for (const p of report.topProducts) row([p.name, p.category, String(p.units), money(p.revenueMinor), String(p.receipts)], false);
  if (report.topProducts.length === 0) row(['No sales in this range.', '', '', '', ''], false);
  doc.moveDown(0.5);
  note(defs.topProducts);

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // The footer sits in the bottom margin, where pdfkit would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).fillColor('#888').text(
      `Walkout · ${report.store.id} · generated ${options.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · page ${i + 1} of ${pages.count}`,
      PAGE.margin,
      PAGE.height - PAGE.margin + 12,
      { width: CONTENT_WIDTH, align: 'center', lineBreak: false },
    );
  }
  doc.end();
  return done;
}
