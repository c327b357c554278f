#!/usr/bin/env bash
# Tessera's API from a shell: a first token with email and password, then everything with the token.
# Needs bash, curl and node (for reading JSON; no jq).
#   TESSERA_URL=http://localhost:3000 TESSERA_EMAIL=you@example.com TESSERA_PASSWORD=... bash examples/curl.sh
set -euo pipefail

URL="${TESSERA_URL:-http://localhost:3000}"
: "${TESSERA_EMAIL:?set TESSERA_EMAIL}" "${TESSERA_PASSWORD:?set TESSERA_PASSWORD}"

# request EXPECTED_STATUS CURL_ARGS...: prints the response body; fails unless the status is the expected one.
request() {
  local expected="$1" body status
  shift
  body="$(curl -sS -w '\n%{http_code}' "$@")"
  status="${body##*$'\n'}"
  body="${body%$'\n'*}"
  if [[ "$status" != "$expected" ]]; then
    echo "expected HTTP $expected, got $status: $body" >&2
    exit 1
  fi
  printf '%s' "$body"
}

# field JSON PATH: one value out of a JSON document, e.g. field "$json" tokenInfo.tokenId
field() {
  node -e 'let v = JSON.parse(process.argv[1]); for (const k of process.argv[2].split(".")) v = v[k];
    if (v === undefined) process.exit(1); console.log(v)' "$1" "$2"
}

json=(-H 'Content-Type: application/json')

echo "1. A first token, with email and password (Basic; accepted only for this call)"
first="$(request 201 -u "$TESSERA_EMAIL:$TESSERA_PASSWORD" "${json[@]}" \
  -d '{"lifetimeSeconds": 3600, "description": "examples/curl.sh"}' "$URL/v4/apiAccessTokens")"
TOKEN="$(field "$first" tokenValue)"
FIRST_ID="$(field "$first" tokenInfo.tokenId)"
auth=(-H "Authorization: Bearer $TOKEN")
echo "   token $FIRST_ID, expires at $(field "$first" tokenInfo.expiredAt)"

echo "2. The endpoints this token can call (the seed's example: GET / with the token)"
endpoints="$(request 200 "$URL" -X GET "${auth[@]}")"
echo "   $(field "$endpoints" count) endpoints"

echo "3. Your tokens"
list="$(request 200 "${auth[@]}" "$URL/v4/apiAccessTokens?limit=10")"
echo "   you hold $(field "$list" count) tokens"

echo "4. A second token, created with the first one (Bearer)"
second="$(request 201 "${auth[@]}" "${json[@]}" -d '{"lifetimeSeconds": 600, "description": "short-lived"}' \
  "$URL/v4/apiAccessTokens")"
SECOND_ID="$(field "$second" tokenInfo.tokenId)"
echo "   token $SECOND_ID"

echo "5. Who the token acts as"
me="$(request 200 -H "Authorization: Bearer $(field "$second" tokenValue)" "$URL/v4/people/current")"
echo "   $(field "$me" name) <$(field "$me" email)>"

echo "6. Delete both tokens; a deleted token is refused on the next request"
request 204 -X DELETE "${auth[@]}" "$URL/v4/apiAccessTokens/$SECOND_ID" >/dev/null
request 204 -X DELETE "${auth[@]}" "$URL/v4/apiAccessTokens/$FIRST_ID" >/dev/null
request 401 "${auth[@]}" "$URL/v4/people/current" >/dev/null
echo "Done."
