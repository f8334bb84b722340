/**
 * How answers leave the sandbox: JSON the way MegaWMS serialises it (with the vendor's
 * quirks when asked), and the HTML pages IIS and ASP.NET send when something breaks.
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { EndpointName } from '../main/core/megawms/endpoints';

/** With quirks on, these calls start their JSON with a UTF-8 byte-order mark. */
export const BOM_ENDPOINTS: ReadonlySet<EndpointName> = new Set([
  'GetOrderMsg',
  'GetTrack',
  'Inventory',
]);

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The body bytes of an answer. */
export function encodeAnswer(endpoint: EndpointName, answer: object, quirks: boolean): Buffer {
  const json = Buffer.from(JSON.stringify(answer), 'utf8');
  return quirks && BOM_ENDPOINTS.has(endpoint) ? Buffer.concat([BOM, json]) : json;
}

/**
 * An error answer. With `detailed`, the ASP.NET "Server Error in '/' Application" page;
 * otherwise the few words IIS sends for a 502/503.
 */
export function writeErrorPage(
  res: ServerResponse,
  status: number,
  title: string,
  detailed = true,
): void {
  const reason = STATUS_CODES[status] ?? title;
  const html = detailed
    ? aspNetErrorPage(status, reason)
    : `<h1>${reason}</h1>\r\n<p>HTTP Error ${status}. ${reason}.</p>\r\n`;
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
    'X-Powered-By': 'ASP.NET',
  });
  res.end(body);
}

/** A 200 HTML page (the print pages). */
export function writeHtml(res: ServerResponse, html: string): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

function aspNetErrorPage(status: number, reason: string): string {
  return `<!DOCTYPE html>
<html>
<head><title>Runtime Error</title>
<style>body{font-family:Verdana;font-weight:normal;font-size:.7em;color:black}
h1{font-family:Verdana;font-size:18pt;color:red}h2{font-style:italic;color:maroon}</style>
</head>
<body bgcolor="white">
<span><h1>Server Error in '/' Application.<hr width=100% size=1 color=silver></h1>
<h2><i>Runtime Error</i></h2></span>
<p><b>Description:</b> An application error occurred on the server (HTTP ${status} ${reason}).
The current custom error settings for this application prevent the details of the
application error from being viewed remotely.</p>
<hr width=100% size=1 color=silver>
<b>Version Information:</b>&nbsp;Microsoft .NET Framework Version:4.0.30319;
ASP.NET Version:4.8.4494.0
</body>
</html>
`;
}
