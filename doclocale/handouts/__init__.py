"""Printed handouts: a guide's article as an A4 PDF.

``document`` makes the HTML to print (pure), ``pdf`` lays it out with WeasyPrint and caches the PDFs, ``links`` gives
the page its PDF links and QR code; ``assets/`` holds the stylesheet and the embedded font subset."""
