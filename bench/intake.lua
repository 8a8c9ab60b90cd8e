-- Application intake (bench/intake.sh): every request is a POST of the same valid application
-- (BENCH_BODY, a file) as one of the pre-fetched citizens (BENCH_TOKENS, a file of access tokens, one
-- per line) with an Idempotency-Key used once (BENCH_RUN-thread-counter). The id of every acknowledged
-- (201) submission, taken from its Location, is appended to BENCH_ACKS.<thread> for the checks afterwards.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  tokens = {}
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  local file = assert(io.open(os.getenv("BENCH_BODY")))
  body = file:read("*a")
  file:close()
  run = os.getenv("BENCH_RUN")
  acks = assert(io.open(os.getenv("BENCH_ACKS") .. "." .. thread_number, "a"))
  acks:setvbuf("line")
  sent = 0
end

function request()
  sent = sent + 1
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. tokens[(sent % #tokens) + 1],
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Idempotency-Key"] = run .. "-" .. thread_number .. "-" .. sent,
  }, body)
end

function response(status, headers, body)
  if status == 201 then
    local location = headers["Location"] or headers["location"] or ""
    local id = string.match(location, "/requests/([0-9a-f%-]+)$")
    if id then acks:write(id, "\n") end
  end
end
