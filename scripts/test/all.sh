#!/usr/bin/env bash
# `npm test`: the type check, the format and lint check (Biome) and the test run side by side (they share
# nothing, and the test run waits on DynamoDB Local and the browser often enough to leave a core free);
# fails if any does.
set -u
cd "$(dirname "$0")/../.."
npm run --silent typecheck > >(sed 's/^/[types] /') 2>&1 &
types=$!
npx biome check --reporter=summary > >(sed 's/^/[lint] /') 2>&1 &
lint=$!
npx vitest run --project '!demo' "$@"
tests=$?
wait "$types"
checked=$?
[ "$checked" -eq 0 ] && echo "[types] no type errors" || echo "[types] the type check failed (exit $checked)"
wait "$lint"
linted=$?
[ "$linted" -eq 0 ] && echo "[lint] format and lint clean" || echo "[lint] biome check failed (exit $linted): npm run lint shows where, npm run format fixes the format"
exit $(( tests != 0 ? tests : checked != 0 ? checked : linted ))
