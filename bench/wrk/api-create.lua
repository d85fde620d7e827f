-- wrk script for bench/http.sh: every request creates a task through the JSON API.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"Benchmark task","shortdesc":"created by bench/http.sh through the API","priority":5}'
