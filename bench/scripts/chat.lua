-- wrk script: POST /v1/chat/completions with a prompt no cache has seen.
-- Arguments (after --): path model stream(true|false) run-id [Header: value]...
local counter = 0

function setup(thread)
  thread_number = (thread_number or 0) + 1
  thread:set("thread_id", thread_number)
end

function init(args)
  path = args[1] or "/v1/chat/completions"
  model = args[2] or "bench-fast"
  stream = args[3] == "true"
  run_id = args[4] or "run"
  headers = { ["Content-Type"] = "application/json" }
  for i = 5, #args do
    local name, value = string.match(args[i], "^([^:]+):%s*(.*)$")
    if name then
      headers[name] = value
    end
  end
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"model":"%s","stream":%s,"messages":[{"role":"system","content":"You are a concise assistant."},' ..
    '{"role":"user","content":"Request %s-%s-%d: summarise the quarterly report in three sentences."}]}',
    model, stream and "true" or "false", run_id, tostring(thread_id), counter)
  return wrk.format("POST", path, headers, body)
end
