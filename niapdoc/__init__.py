"""Pure Python reading of NIAP progress reports: no Django here."""
