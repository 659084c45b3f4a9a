-- POST /api/v1/deals/{id}/transitions over the deals [first, last] made by the create run: each
-- thread takes its own share and walks it, moving each deal to negotiation on the first pass and
-- back to contact (with a reason) on the next, so that every request is a real, legal stage change.
local counter = 1
local threads = {}
function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end
local first, share, offset
function init(args)
  local lo, hi = tonumber(args[1]), tonumber(args[2])
  share = math.max(1, math.floor((hi - lo + 1) / tonumber(args[3])))
  offset = lo + index * share
end
function request()
  local k = counter - 1
  counter = counter + 1
  local id = offset + (k % share)
  local to = (math.floor(k / share) % 2 == 0) and "negotiation" or "contact"
  local body = string.format('{"to":"%s","reason":"压测往返"}', to)
  return wrk.format("POST", "/api/v1/deals/" .. id .. "/transitions",
    { ["X-Api-Key"] = os.getenv("BENCH_KEY"), ["Content-Type"] = "application/json" }, body)
end

-- Non-2xx answers, by status, printed at the end so that an error is never just a number.
bad = {}
function response(status, headers, body)
  if status >= 300 then
    bad[status] = (bad[status] or 0) + 1
    if status == 409 and not said then said = true; io.stderr:write(body .. "\n") end
  end
end
function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("bad")) do io.stderr:write(string.format("status %d: %d\n", status, count)) end
  end
end
