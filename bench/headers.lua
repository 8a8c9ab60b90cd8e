-- A GET with the headers in BENCH_HEADERS ("Name: value|Name: value"), then the report line.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local spec = os.getenv("BENCH_HEADERS") or ""
for pair in string.gmatch(spec, "[^|]+") do
  local name, value = string.match(pair, "^%s*([^:]+):%s*(.*)$")
  if name then wrk.headers[name] = value end
end
