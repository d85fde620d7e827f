-- wrk script for bench/http.sh: every request posts the page's create form, as a browser does,
-- with the CSRF token (and any cookie) the page gave: CSRF_TOKEN and COOKIE in the environment.
local token = os.getenv("CSRF_TOKEN")
if token == nil or token == "" then
  error("CSRF_TOKEN is not set: bench/http.sh reads it from the page's form")
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local cookie = os.getenv("COOKIE")
if cookie ~= nil and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
-- The token is base64url and a dot: nothing in it needs encoding.
wrk.body = "csrf=" .. token .. "&title=Benchmark+task&shortdesc=created+by+bench%2Fhttp.sh+through+the+form&priority=5"
