-- GET with the bench key; the path comes from the command line (wrk ... -- /api/v1/...).
local path
function init(args) path = args[1] end
function request() return wrk.format("GET", path, { ["X-Api-Key"] = os.getenv("BENCH_KEY") }) end
