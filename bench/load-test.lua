-- wrk script for bench/load-test.sh: rotates GET requests over the read endpoints and counts
-- status classes per thread (wrk itself only reports "Non-2xx or 3xx responses").
-- Reads $LT_DATA/words.txt, ids.txt and months.txt (YYYY/MM), written by load-test.sh.

local data = os.getenv("LT_DATA") or "."

local function lines(name)
  local t = {}
  local f = io.open(data .. "/" .. name, "r")
  if f == nil then return t end
  for l in f:lines() do if l ~= "" then t[#t + 1] = l end end
  f:close()
  return t
end

local words, ids, months
local counts = { s2 = 0, s3 = 0, s4 = 0, s5 = 0 }
local threads = {}
local n = 0

-- The mix, as 20 slots a request is drawn from (weights = slots / 20).
local mix = {
  "api_search", "api_search", "api_search", "api_search", "api_search", "api_search",
  "search_page", "search_page",
  "article_page", "article_page", "article_page",
  "api_article", "api_article", "api_article",
  "api_related", "api_related", "api_related",
  "archive_month_page", "archive_month_page",
  "api_archive_month",
}

-- LT_ONLY=api_search (the capacity probe) sends one kind only.
if os.getenv("LT_ONLY") then mix = { os.getenv("LT_ONLY") } end

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  words = lines("words.txt")
  ids = lines("ids.txt")
  months = lines("months.txt")
  math.randomseed(os.time() + (id or 0) * 7919)
  s2, s3, s4, s5 = 0, 0, 0, 0
end

local function pick(t) return t[math.random(#t)] end

local function query()
  local q = pick(words)
  if math.random(3) == 1 then q = q .. "+" .. pick(words) end
  return q
end

function request()
  n = n + 1
  local kind = mix[math.random(#mix)]
  local path
  if kind == "api_search" then path = "/api/search?q=" .. query()
  elseif kind == "search_page" then path = "/search?q=" .. query()
  elseif kind == "article_page" then path = "/articles/" .. pick(ids)
  elseif kind == "api_article" then path = "/api/articles/" .. pick(ids)
  elseif kind == "api_related" then path = "/api/articles/" .. pick(ids) .. "/related"
  elseif kind == "archive_month_page" then path = "/archive/" .. pick(months)
  else path = "/api/archive/" .. pick(months) end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status < 300 then s2 = s2 + 1
  elseif status < 400 then s3 = s3 + 1
  elseif status < 500 then s4 = s4 + 1
  else s5 = s5 + 1 end
end

function done(summary, latency, requests)
  local t2, t3, t4, t5 = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    t2 = t2 + (thread:get("s2") or 0)
    t3 = t3 + (thread:get("s3") or 0)
    t4 = t4 + (thread:get("s4") or 0)
    t5 = t5 + (thread:get("s5") or 0)
  end
  local e = summary.errors
  io.write(string.format("LT status 2xx=%d 3xx=%d 4xx=%d 5xx=%d\n", t2, t3, t4, t5))
  io.write(string.format("LT socket connect=%d read=%d write=%d timeout=%d\n",
    e.connect, e.read, e.write, e.timeout))
  io.write(string.format("LT requests=%d duration_s=%.1f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
