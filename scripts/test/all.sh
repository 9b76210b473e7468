#!/usr/bin/env bash
# `npm test`: the type check and the test run side by side (they share nothing, and the test run
# waits on DynamoDB Local and the browser often enough to leave a core free); fails if either does.
set -u
cd "$(dirname "$0")/../.."
npm run --silent typecheck > >(sed 's/^/[types] /') 2>&1 &
types=$!
npx vitest run --project '!demo' "$@"
tests=$?
wait "$types"
checked=$?
[ "$checked" -eq 0 ] && echo "[types] no type errors" || echo "[types] the type check failed (exit $checked)"
exit $(( tests != 0 ? tests : checked ))
