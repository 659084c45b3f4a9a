-- POST /api/v1/deals: a new deal at contact for each request.
local body
function init(args)
  body = string.format('{"name":"压测项目","companyId":1,"parkId":1,"sectorId":1,"ownerId":1,"intendedInvestment":120000000.00}')
end
function request()
  return wrk.format("POST", "/api/v1/deals", { ["X-Api-Key"] = os.getenv("BENCH_KEY"), ["Content-Type"] = "application/json" }, body)
end
