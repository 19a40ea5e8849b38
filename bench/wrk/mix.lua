-- Cycles through a list of requests and counts every answer by status class (bench/soak.sh, and the
-- warm-up in bench/run.sh).
--   wrk -s bench/wrk/mix.lua http://127.0.0.1:PORT -- LIST [EXPECTED_CLASS [COOKIE]]
-- LIST has one request a line: "METHOD PATH [ACCEPT]". EXPECTED_CLASS is 2, 3 or 4: the one status
-- class every request of the list should get (wrk cannot tell which request a response answers, so
-- bench/soak.sh runs one list per class side by side). COOKIE starts the thread's cookie jar; every
-- Set-Cookie updates it, the way a browser's would, so login and logout change the session.
-- Without EXPECTED_CLASS nothing is counted and wrk skips handing responses to Lua (the warm-up).

local list, jar, prepared, next_index = {}, {}, {}, 1
counts = { [1] = 0, [2] = 0, [3] = 0, [4] = 0, [5] = 0 }
expected = 2

local function cookie_header()
  local parts = {}
  for name, value in pairs(jar) do parts[#parts + 1] = name .. "=" .. value end
  return #parts > 0 and table.concat(parts, "; ") or nil
end

-- Requests are formatted once, and again only when the jar changes.
local function prepare()
  local cookie = cookie_header()
  for i, item in ipairs(list) do
    prepared[i] = wrk.format(item.method, item.path, { Accept = item.accept, Cookie = cookie })
  end
end

function init(args)
  for line in io.lines(args[1]) do
    local method, path, accept = line:match("^(%S+)%s+(%S+)%s*(.*)$")
    if method then
      list[#list + 1] = { method = method, path = path, accept = accept ~= "" and accept or "text/html,*/*;q=0.8" }
    end
  end
  assert(#list > 0, "no requests in " .. args[1])
  expected = tonumber(args[2])
  if not expected then response = nil end
  for name, value in (args[3] or ""):gmatch("([^=;%s]+)=([^;]*)") do jar[name] = value end
  prepare()
end

function request()
  local text = prepared[next_index]
  next_index = next_index % #prepared + 1
  return text
end

function response(status, headers, body)
  local class = math.floor(status / 100)
  counts[class] = (counts[class] or 0) + 1
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set then
    local name, value = set:match("^%s*([^=;%s]+)=([^;]*)")
    if name and jar[name] ~= value then
      jar[name] = value ~= "" and value or nil
      prepare()
    end
  end
end

local threads = {}
function setup(thread) threads[#threads + 1] = thread end

function done(summary, latency, requests)
  local total, unexpected = { 0, 0, 0, 0, 0 }, 0
  for _, thread in ipairs(threads) do
    local wanted = thread:get("expected")
    for class, n in pairs(thread:get("counts")) do
      total[class] = (total[class] or 0) + n
      if class ~= wanted then unexpected = unexpected + n end
    end
  end
  local errors = summary.errors
  io.write(string.format("MIX requests=%d duration_us=%d 1xx=%d 2xx=%d 3xx=%d 4xx=%d 5xx=%d unexpected=%d socket_errors=%d p99_us=%d\n",
    summary.requests, summary.duration, total[1], total[2], total[3], total[4], total[5], unexpected,
    errors.connect + errors.read + errors.write + errors.timeout, latency:percentile(99)))
end
