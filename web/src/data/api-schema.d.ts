/**
 * The API's paths, parameters, bodies and replies as types, for the portal's typed client (data/api.ts).
 * Generated from the API's OpenAPI document by `npm run types:api` (scripts/api-types.ts): do not edit by hand.
 */
export interface paths {
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's audit trail, newest first (district admin) */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cadre-assignments/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in cadre's assignments (the current one first) and the district's ledger kinds */
        get: operations["getMyCadreAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cadre-coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which lowest-tier grids (of the district or under a grid) have a grid assistant and which have none */
        get: operations["getCadreCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cadres": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seconded cadres: by home unit, under a grid, or across the district (active by default) */
        get: operations["listCadres"];
        put?: never;
        /** Assign a cadre of a home unit to a lowest-tier grid as its grid assistant (网格助理) for a period */
        post: operations["assignCadre"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cadres/{cadreID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One cadre's assignment */
        get: operations["getCadre"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cadres/{cadreID}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End an assignment */
        post: operations["endCadreAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cadres/{cadreID}/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cadre's monthly evaluations, newest first (a cadre sees their own) */
        get: operations["listCadreEvaluations"];
        put?: never;
        /** The community's monthly evaluation of a cadre (district admin or grid leader); one per month, a second is a 409 */
        post: operations["evaluateCadre"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's current configuration (any signed-in user of the district) */
        get: operations["getDistrictConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace whole sections of the configuration as a new version (district admin). 409 `config.version` if it changed meanwhile; 409 `config.breaking` with one reason each if it would break existing data */
        patch: operations["updateDistrictConfig"];
        trace?: never;
    };
    "/config/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's ticket categories with their default department and deadline */
        get: operations["listCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/config/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's departments (职能部门) */
        get: operations["listDepartments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/config/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an earlier version's settings as a new version, after the same checks as a change (district admin) */
        post: operations["rollbackConfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/config/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's grid tiers and dedicated-grid kinds */
        get: operations["getTierConfig"];
        /** Change the tiers and dedicated kinds (refused, naming the grids in the way, if it would orphan any) */
        put: operations["updateTierConfig"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/config/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The configuration's versions, newest first: who, when, which sections, why (district admin) */
        get: operations["listConfigVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/config/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version with the whole settings it made (district admin) */
        get: operations["getConfigVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The seeded demo accounts (local mode only) */
        get: operations["listDevAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How far the demo year's replay is, per district (local mode only)
         * @description `npm start` replays the demo year in the background; a district is `loading` until its steps are done (`done` of `total` items).
         */
        get: operations["getDemoStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/districts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Districts the caller may see: all (operator), a province's (provincial admin), its own (district user) */
        get: operations["listDistricts"];
        put?: never;
        /** Onboard a district: tenant, configuration from a template, first admin — atomically (platform operator) */
        post: operations["onboardDistrict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/districts/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A district with its configuration (tiers, roles, mechanisms) */
        get: operations["getDistrict"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/districts/{slug}/registration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A district's names and whether residents may register themselves, and with approval (public) */
        get: operations["getRegistration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/districts/{slug}/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A resident asks to register: a one-time code goes to the phone (SMS; printed in the terminal locally). The same reply whether or not the phone has an account (public) */
        post: operations["startRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/districts/{slug}/residents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A resident registers with the code sent to their phone; pending until staff approve when the district asks for approval (public) */
        post: operations["registerResident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/districts/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every active district's Chinese and English names, city and province, to pick one from a list (public) */
        get: operations["getDistrictDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/districts/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The built-in starting configurations a new district may be onboarded from (platform operator) */
        get: operations["listTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/emergency/mode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's mode: normal or emergency, why, since when, which grids */
        get: operations["getEmergencyMode"];
        /** 平急切换: switch the district or chosen grids into emergency mode with a reason, or back to normal */
        put: operations["setEmergencyMode"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/emergency/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's emergency task rounds, newest first */
        get: operations["listEmergencyTasks"];
        put?: never;
        /** Issue a task round with a checklist: district-wide (every first-tier grid) or to risk-area grids */
        post: operations["createEmergencyTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/emergency/tasks/{taskID}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The live board of a round: total, done, percentage, and every grid's part */
        get: operations["getEmergencyBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/emergency/tasks/{taskID}/grids/{gridID}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A grid reports its part of a round: checklist ticks and a note (done when every item is ticked) */
        post: operations["reportEmergencyTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/emergency/tasks/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open emergency tasks of the caller's grid */
        get: operations["listMyEmergencyTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A grid's children (parentID, `root` for the first tier) or a whole tier (tier, or `dedicated`) */
        get: operations["listGrids"];
        put?: never;
        /** Create a grid, checked against the drawing rules */
        post: operations["createGrid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids/{gridID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A grid with its ancestors */
        get: operations["getGrid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, move, redraw, recount or retire a grid (one change, a version kept) */
        patch: operations["updateGrid"];
        trace?: never;
    };
    "/grids/{gridID}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Coverage report (无缝覆盖): children outside, overlaps and gaps with area and geometry; `root` for the first tier */
        get: operations["getGridCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids/{gridID}/split": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Split a grid into pieces that cover it exactly */
        post: operations["splitGrid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids/{gridID}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The kept versions of a grid: who changed what, when */
        get: operations["listGridVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export every active grid as GeoJSON, in the background: answers at once (queued); getGridExport gives the download link */
        post: operations["exportGrids"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids/exports/{exportID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The progress of an export, and a short-lived download link to its file once written */
        get: operations["getGridExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import an uploaded GeoJSON FeatureCollection in the background: answers at once (queued); follow it with getGridImport (validated as a whole, then written) */
        post: operations["importGrids"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids/imports/{importID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The progress of an import */
        get: operations["getGridImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids/imports/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A presigned upload URL for a grid file (the file goes to S3, not through the API) */
        post: operations["createGridUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids/locate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The finest grid containing a point, with its ancestors (spatial index kept in memory) */
        get: operations["locateGrid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge sibling grids into one (their children move under it) */
        post: operations["mergeGrids"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grids/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find the district's active grids by code prefix (JY-28) or a few characters of a name (桃园), best first, at most 50 (from the grids kept in memory: no scan) */
        get: operations["searchGrids"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the API reaches its table and bucket */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/home-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's home units (派出单位): government bodies and state enterprises that second cadres */
        get: operations["listHomeUnits"];
        put?: never;
        /** Add a home unit (district admin) */
        post: operations["createHomeUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/home-units/{unitID}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit's feedback report for a month (every cadre, their ledger totals and evaluation), as .xlsx or CSV with Chinese headings */
        get: operations["exportUnitFeedback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ledger entries, newest first: mine, a cadre's, a grid's, or a home unit's (optionally one month) */
        get: operations["listLedgerEntries"];
        put?: never;
        /** A cadre logs work on their assigned grid (visit, patrol, 小区民情图 …) with date, hours, notes and photos */
        post: operations["createLedgerEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the token says the caller is, and their profile */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's in-app notifications, newest first
         * @description Their own tickets' steps, the steps of the tickets they follow, and — from their record — new tickets and change requests of their grid (and the grids below), tickets dispatched to their department, and (grid leaders) overdue tickets of their grid. Each names the category, place and step.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark the caller's notifications read (all, or the ones named)
         * @description Without `notificationIDs`, everything up to now is read (one mark); `marked` is then how many of the newest 200 were unread.
         */
        post: operations["markNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out everywhere: every token and refresh token of the caller issued before now is refused
         * @description On AWS the caller's Cognito refresh tokens are revoked too (global sign-out); `directory: false` when that could not be done: try again.
         */
        post: operations["signOutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's schedule (soonest first, from a time) or a grid's meetings with its descendants' */
        get: operations["listMeetings"];
        put?: never;
        /** Schedule a meeting of one of the district's types on a grid */
        post: operations["createMeeting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{meetingID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A meeting with the needs items its outcomes became */
        get: operations["getMeeting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{meetingID}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record attendance and minutes, and turn the outcomes into needs items, in one transaction (once: 409 after) */
        post: operations["recordMeetingOutcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meetings held, attendance and per type, of a grid or the district, in a period (all, YYYY, YYYY-MM) */
        get: operations["getMeetingStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The districts of the caller's province side by side, with rankings (aggregates only) */
        get: operations["compareDistricts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics/compare/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The comparison as an .xlsx workbook or CSV, with Chinese headings */
        get: operations["exportComparison"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics/district": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's district: every metric for a period, the monthly trend, and breakdowns */
        get: operations["getDistrictMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics/grids/{gridID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A grid's figures and each child grid's (`root`: the first tier), for drill-down and the map */
        get: operations["getGridMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics/recount": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rebuild the district's counters from its records and report any drift (district admin) */
        post: operations["recountMetrics"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A grid's (a community's: with its descendants) list, optionally one state or kind; mine=true: what the calling cadre claimed */
        get: operations["listNeedItems"];
        put?: never;
        /** Enter an item of a grid's problem list or project list (staff) */
        post: operations["createNeedItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/{itemID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item with links to its evidence photos */
        get: operations["getNeedItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/{itemID}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 认领: a cadre claims the item, or an admin or leader records a unit's claim (409 if taken) */
        post: operations["claimNeedItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/{itemID}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 销号: the claimant (or an admin or leader) ticks the item off with evidence */
        post: operations["closeNeedItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/{itemID}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A resident confirms a ticked-off item */
        post: operations["confirmNeedItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a grid's (a community's) lists or the district's, from the counters */
        get: operations["getNeedsProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/discovery.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GeoReport discovery document */
        get: operations["open311Discovery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's Open311 API keys (labels and dates only) */
        get: operations["listOpen311Keys"];
        put?: never;
        /** Issue an Open311 API key for the district (district admins); the key is shown this once */
        post: operations["createOpen311Key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/keys/{keyID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an Open311 API key */
        delete: operations["revokeOpen311Key"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service requests: explicit ids, or a window of at most 90 days (the last 90 by default), newest first, at most 1000 */
        get: operations["open311Requests"];
        put?: never;
        /** Report a ticket (form-encoded; `token` optional: a retry key that GET tokens resolves for a day) */
        post: operations["open311CreateRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests/{service_request_id}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service request */
        get: operations["open311Request"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A district's ticket categories as services */
        get: operations["open311Services"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services/{service_code}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A service definition (no attributes) */
        get: operations["open311ServiceDefinition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/tokens/{token}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The request a POST's token created */
        get: operations["open311Token"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/party/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Links of the party chain under a parent (`root`: the community committees) */
        get: operations["listPartyOrgs"];
        put?: never;
        /** Add a link to the chain, serving grids */
        post: operations["createPartyOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/party/orgs/{orgID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A link with the chain above it and the links under it */
        get: operations["getPartyOrg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/party/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Joint party-building meetings and co-building projects, by organisation or by kind */
        get: operations["listPartyRecords"];
        put?: never;
        /** Record a joint meeting (党建联席会) or a co-building project claimed by units (共建项目) */
        post: operations["createPartyRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The people of a grid with their roles (gridID), a person's grids (personID) or a role's holders (roleKey) */
        get: operations["listPeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a person (existing or new) on a grid in a role of the district's catalogue */
        post: operations["assignRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/on-duty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is on duty (names and roles held today) on a grid and on each of its children: the caller's grid by default, the first tier for a district admin */
        get: operations["listOnDuty"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provinces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Provinces (names only) */
        get: operations["listProvinces"];
        put?: never;
        /** Add a province (platform operator) */
        post: operations["createProvince"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register's access log, newest first (one person's with recordID): district admins */
        get: operations["listAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/access-log/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole access log as CSV (cells defused against formulas); the export is itself logged */
        get: operations["exportAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Houses, households, people, organisations and each special group of a grid and of each of its children, from the counters */
        get: operations["getRegisterCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enterprises, institutions and managed objects (企事业单位 / 管理对象) of a grid and below */
        get: operations["listEnterprises"];
        put?: never;
        /** Add an enterprise, institution or managed object; a credit code is checked (GB 32100) and unique in the district */
        post: operations["createEnterprise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export the people of a grid and below (the caller's grid by default) as .xlsx or CSV in the background: masked values, tags by name, cells defused; logged. Follow it with getRegisterExport */
        post: operations["exportRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/exports/{exportID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An export's progress (people written) and, once done, its download link (one hour); for the one who started it */
        get: operations["getRegisterExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Households (住户) of a house, or of a grid and below; `q` finds them by a part of the address or the start of the head's name */
        get: operations["listHouseholds"];
        put?: never;
        /** Open a household in a house of the caller's grid */
        post: operations["createHousehold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/households/{householdID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A household with its members (masked) and its move history */
        get: operations["getHousehold"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/households/{householdID}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A household moves to another house (maybe another grid) with its people; the move joins its history */
        post: operations["moveHousehold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/houses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Houses (房屋) of a grid and below: the caller's grid by default, a district admin's whole district */
        get: operations["listHouses"];
        put?: never;
        /** Add a house on a grid of the caller's (by its point, or the grid named) */
        post: operations["createHouse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import an uploaded spreadsheet of people in the background: every row checked first, all or nothing, a report of rejected rows; follow it with getRegisterImport */
        post: operations["importRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/imports/{importID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The progress of a register import (rows checked, people written), its rejected rows and the report's link */
        get: operations["getRegisterImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/imports/mapping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's saved column mapping of register spreadsheets (null before an import named one) */
        get: operations["getRegisterImportMapping"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/imports/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A presigned upload URL for a register spreadsheet (.xlsx or CSV); the file goes to S3, not through the API */
        post: operations["createRegisterUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the register holds about the caller (their own records, in full; PIPL right of access); the reading is logged */
        get: operations["getMyRegisterRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People of the register, masked: by a name's start, a full ID number or phone (matched by keyed hash), or everyone of a grid with a tag */
        get: operations["searchRegister"];
        put?: never;
        /** Add a person: ID number checked (GB 11643), unique in the district (409); ID number, phone and sensitive tags sealed */
        post: operations["createResidentRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/people/{recordID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person's record (masked; sensitive tags for those who may reveal); the reading is logged */
        get: operations["getResidentRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Keep a person's record up to date: name, phone (its lookup key follows), relation, tags (the counters follow); 409 if changed meanwhile */
        patch: operations["updateResidentRecord"];
        trace?: never;
    };
    "/register/people/{recordID}/move-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A person moves out (迁出): kept as moved out, no longer counted */
        post: operations["moveOutResident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/people/{recordID}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One full field (ID number, phone or date of birth) of one person, with a stated purpose; written to the access log */
        post: operations["revealField"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Houses and organisations of a grid and below as map points (no personal data), for the command map */
        get: operations["listRegisterPoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sign-in/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OpenID issuer and client the portal signs in with */
        get: operations["getSignInConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Queues, one query each: mine=true (own reports); a state across the district (a grid with its descendants); a department's */
        get: operations["listTickets"];
        put?: never;
        /** Report a ticket (随手拍): located to its grid, photos checked; a retry with the same Idempotency-Key returns the first ticket */
        post: operations["createTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket with its timeline (one query) and links to its photos */
        get: operations["getTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 立案: accept a collected ticket; its deadline starts */
        post: operations["acceptTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or refuse the pending change (district admin or grid leader, not the requester) */
        post: operations["decideTicketChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 派遣: send to a department (routed when not named) */
        post: operations["dispatchTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重复件: close a ticket as a duplicate of another of the district (by ID or number); its reporter follows the original */
        post: operations["markTicketDuplicate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 关注: follow a ticket the caller may see, to be told of its steps; following again changes nothing */
        post: operations["followTicket"];
        /** Stop following a ticket; when the caller does not follow it, nothing changes */
        delete: operations["unfollowTicket"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/handling": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 处置反馈: the department reports what it did, with photos */
        post: operations["reportHandling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach an uploaded photo to an open ticket (checked: size, type, magic bytes) */
        post: operations["attachPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket as anyone in the district may see it (public categories; numbers hidden, place rounded), and whether the caller follows it */
        get: operations["getPublicTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 综合评价: the reporter rates a closed ticket, 1–5 */
        post: operations["rateTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予立案: do not accept, with a reason (closed, not solved) */
        post: operations["rejectTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter reopens a closed ticket within the reopen window */
        post: operations["reopenTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/reporter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 上报人: the reporter's name and masked phone, for the staff handling the ticket */
        get: operations["getTicketReporter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/reporter/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter's whole phone number, with the purpose stated; each reading goes to the audit trail */
        post: operations["revealTicketReporter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a change that needs an approval: extend the deadline, send up, transfer, void */
        post: operations["requestTicketChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/send-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The check failed: back to the department */
        post: operations["sendBackTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{ticketID}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 核查结案: another person checks and closes (solved, not ours, duplicate) */
        post: operations["verifyTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/nearby": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is it already reported? Open tickets within 300 m of a point, nearest first (at most 20), in the public view: no private categories, phone and ID numbers hidden, places rounded to ~100 m */
        get: operations["listNearbyTickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A presigned upload for one photo (JPEG, PNG, WebP or HEIC, at most 10 MB; checked when attached) */
        post: operations["requestPhotoUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's users, newest first, by status, role or a search of names and phone digits; phones and e-mails masked (district admin) */
        get: operations["listUsers"];
        put?: never;
        /** Add a member of staff by phone or e-mail with roles, a grid or a department; active at once (district admin) */
        post: operations["inviteUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's roles, grid or department, approve a pending resident (status active), or disable and enable (district admin)
         * @description 409 `user.last_admin` when the change would leave the district without an active district admin.
         */
        patch: operations["updateUserRoles"];
        trace?: never;
    };
    "/users/{userID}/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a user out everywhere: every token and refresh token issued before now is refused (district admin)
         * @description On AWS the user's Cognito refresh tokens are revoked too (global sign-out); `directory: false` when that could not be done: try again.
         */
        post: operations["signOutUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/volunteers/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Volunteer activities: of a month (newest first), of a grid and below, or the latest recorded */
        get: operations["listActivities"];
        put?: never;
        /** Record a volunteer activity held on a grid, with its organisers and the people served */
        post: operations["createActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/volunteers/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Red property management (红色物业): committee workers, consultations or livelihood projects, newest first */
        get: operations["listOwnersRecords"];
        put?: never;
        /** Record a grid worker on an owners' committee, a consultation held or a livelihood project completed */
        post: operations["createOwnersRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/volunteers/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Headline figures (all time) and one year month by month, for the district or a grid and below */
        get: operations["getVolunteerSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/volunteers/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Volunteer teams with their member counts: of the district, of a grid and below, or of a kind */
        get: operations["listVolunteerTeams"];
        put?: never;
        /** Set up a volunteer team on a grid, with its first members */
        post: operations["createVolunteerTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/volunteers/teams/{teamID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team with its members (phones masked unless the caller's role needs them) */
        get: operations["getVolunteerTeam"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/volunteers/teams/{teamID}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a member to a team */
        post: operations["addVolunteerMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/volunteers/teams/{teamID}/members/{memberID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a member off a team */
        delete: operations["removeVolunteerMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/volunteers/teams/{teamID}/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Problems a team solved, newest first */
        get: operations["listVolunteerProblems"];
        put?: never;
        /** Record a problem the team solved (on its grid unless another is named) */
        post: operations["recordVolunteerProblem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wishes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Wishes of a grid and below in one state (default open; the caller's grid by default), the caller's own posts (view=mine), or the ones they claimed (view=claimed) */
        get: operations["listWishes"];
        put?: never;
        /** Post a micro-wish on a grid (by grid, or by position located to its grid) */
        post: operations["createWish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wishes/{wishID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A wish with links to its photos */
        get: operations["getWish"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wishes/{wishID}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The resident who posted it withdraws an unclaimed wish */
        post: operations["cancelWish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wishes/{wishID}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 认领: a cadre (or grid worker) claims an open wish; one holder at a time (409 if taken) */
        post: operations["claimWish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wishes/{wishID}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The resident who posted it confirms it came true */
        post: operations["confirmWish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wishes/{wishID}/fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The holder marks the wish fulfilled with a note and optional photos (uploaded via requestPhotoUpload) */
        post: operations["fulfilWish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wishes/{wishID}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The holder gives the wish back: open again */
        post: operations["releaseWish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wishes/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Wishes posted, claimed, fulfilled and confirmed on a grid (with its descendants) or the district, from the counters */
        get: operations["getWishProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Assignment: {
            active: boolean;
            assignmentID: string;
            from: string;
            gridCode: string;
            gridID: string;
            gridName: string;
            homeUnit: string | null;
            name: string;
            personID: string;
            phone: string;
            roleKey: string;
            to: string | null;
        };
        AuditEvent: {
            action: string;
            actorID: string;
            actorName: string | null;
            actorRoles: string[];
            at: string;
            details: {
                [key: string]: unknown;
            } | null;
            eventID: string;
            subjectID: string;
            summary: string;
        };
        Cadre: {
            cadreID: string;
            createdAt: string;
            endedAt: string | null;
            from: string;
            gridID: string;
            gridName: string;
            gridPath: string[];
            name: string;
            phoneMasked: string;
            /** @enum {string} */
            status: "active" | "ended";
            to: string;
            unitID: string;
            unitName: string;
            userID: string | null;
        };
        CadreCoverage: {
            assistants: number;
            covered: number;
            grids: number;
            items: {
                assistants: {
                    cadreID: string;
                    name: string;
                    unitName: string;
                }[];
                code: string;
                gridID: string;
                name: string;
            }[];
            tier: number;
            uncovered: number;
        };
        CadreEvaluation: {
            attitude: number;
            cadreID: string;
            comment: string | null;
            evaluatedAt: string;
            evaluatedBy: string;
            /** @enum {string} */
            grade: "excellent" | "good" | "fair" | "poor";
            month: string;
            performance: number;
            workState: number;
        };
        Category: {
            deadlineHours: number;
            departmentKey: string | null;
            key: string;
            nameEn: string;
            nameZh: string;
            public?: boolean;
        };
        ConfigVersion: {
            createdAt: string;
            createdBy: string;
            createdByName: string | null;
            note: string | null;
            rollbackOf: number | null;
            sections: string[];
            version: number;
        };
        ConfigVersionDetail: {
            createdAt: string;
            createdBy: string;
            createdByName: string | null;
            note: string | null;
            rollbackOf: number | null;
            sections: string[];
            settings: {
                /**
                 * @default {
                 *       "residentSelfRegistration": true,
                 *       "residentApproval": false
                 *     }
                 */
                access: {
                    /** @default false */
                    residentApproval: boolean;
                    /** @default true */
                    residentSelfRegistration: boolean;
                };
                dedicatedKinds: {
                    key: string;
                    nameEn: string;
                    nameZh: string;
                }[];
                /**
                 * @default {
                 *       "meetingTypes": [
                 *         {
                 *           "key": "grid_council",
                 *           "nameZh": "网格议事会",
                 *           "nameEn": "Grid council"
                 *         },
                 *         {
                 *           "key": "neighbour_talk",
                 *           "nameZh": "邻里座谈会",
                 *           "nameEn": "Neighbour meeting"
                 *         }
                 *       ],
                 *       "volunteerTeamKinds": [
                 *         {
                 *           "key": "publicity",
                 *           "nameZh": "宣传",
                 *           "nameEn": "Publicity"
                 *         },
                 *         {
                 *           "key": "environment",
                 *           "nameZh": "环境整治",
                 *           "nameEn": "Environment"
                 *         }
                 *       ],
                 *       "ledgerActivityKinds": [
                 *         {
                 *           "key": "visit",
                 *           "nameZh": "入户走访",
                 *           "nameEn": "Home visit"
                 *         },
                 *         {
                 *           "key": "patrol",
                 *           "nameZh": "网格巡查",
                 *           "nameEn": "Patrol"
                 *         },
                 *         {
                 *           "key": "meeting",
                 *           "nameZh": "参加会议",
                 *           "nameEn": "Meeting attended"
                 *         },
                 *         {
                 *           "key": "emergency_task",
                 *           "nameZh": "应急任务",
                 *           "nameEn": "Emergency task"
                 *         }
                 *       ],
                 *       "activityKinds": [
                 *         {
                 *           "key": "policy_talk",
                 *           "nameZh": "政策宣讲",
                 *           "nameEn": "Policy talk"
                 *         },
                 *         {
                 *           "key": "other",
                 *           "nameZh": "其他服务",
                 *           "nameEn": "Other service"
                 *         }
                 *       ]
                 *     }
                 */
                governance: {
                    activityKinds: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    ledgerActivityKinds: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    meetingTypes: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    volunteerTeamKinds: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                };
                /**
                 * @default {
                 *       "tileUrl": null,
                 *       "tileAttribution": null,
                 *       "center": null,
                 *       "zoom": 11
                 *     }
                 */
                map: {
                    /** @default null */
                    center: [
                        number,
                        number
                    ] | null;
                    /** Format: uri */
                    tileAnnotationUrl?: string | null;
                    /** @default null */
                    tileAttribution: string | null;
                    /**
                     * Format: uri
                     * @default null
                     */
                    tileUrl: string | null;
                    /** @default 11 */
                    zoom: number;
                };
                mechanisms: {
                    cadreSecondment: boolean;
                    emergencyMode: boolean;
                    meetings: boolean;
                    needsLists: boolean;
                    register: boolean;
                    tickets: boolean;
                    volunteers: boolean;
                    wishes: boolean;
                };
                /**
                 * @default {
                 *       "tags": [
                 *         {
                 *           "key": "elderly_alone",
                 *           "nameZh": "独居老人",
                 *           "nameEn": "Elderly living alone",
                 *           "sensitive": false
                 *         },
                 *         {
                 *           "key": "disabled",
                 *           "nameZh": "残疾人",
                 *           "nameEn": "Person with a disability",
                 *           "sensitive": false
                 *         },
                 *         {
                 *           "key": "veteran",
                 *           "nameZh": "退役军人",
                 *           "nameEn": "Veteran",
                 *           "sensitive": false
                 *         },
                 *         {
                 *           "key": "low_income",
                 *           "nameZh": "低保户",
                 *           "nameEn": "Minimum-income household",
                 *           "sensitive": true
                 *         },
                 *         {
                 *           "key": "community_correction",
                 *           "nameZh": "社区矫正对象",
                 *           "nameEn": "Under community correction",
                 *           "sensitive": true
                 *         },
                 *         {
                 *           "key": "attention",
                 *           "nameZh": "重点关注",
                 *           "nameEn": "Needs attention",
                 *           "sensitive": true
                 *         }
                 *       ],
                 *       "revealRoles": [
                 *         "grid_worker",
                 *         "grid_leader",
                 *         "district_admin"
                 *       ]
                 *     }
                 */
                register: {
                    revealRoles: ("grid_worker" | "grid_leader" | "district_admin")[];
                    tags: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                        /** @default false */
                        sensitive: boolean;
                    }[];
                };
                roles: {
                    /** @enum {string} */
                    accessRole: "resident" | "grid_worker" | "grid_leader" | "department_staff" | "cadre" | "district_admin";
                    /** @default false */
                    dedicated: boolean;
                    key: string;
                    nameEn: string;
                    nameZh: string;
                    /** @default false */
                    seconded: boolean;
                    tier: number | null;
                }[];
                /**
                 * @default {
                 *       "mechanisms": {}
                 *     }
                 */
                terms: {
                    /** @default {} */
                    mechanisms: {
                        cadreSecondment?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        emergencyMode?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        meetings?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        needsLists?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        register?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        tickets?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        volunteers?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        wishes?: {
                            nameEn: string;
                            nameZh: string;
                        };
                    };
                };
                /**
                 * @default {
                 *       "departments": [],
                 *       "categories": [],
                 *       "routingRules": [],
                 *       "reopenDays": 7,
                 *       "workingHours": {
                 *         "startHour": 8,
                 *         "endHour": 18,
                 *         "days": [
                 *           1,
                 *           2,
                 *           3,
                 *           4,
                 *           5
                 *         ]
                 *       }
                 *     }
                 */
                tickets: {
                    categories: {
                        deadlineHours: number;
                        departmentKey: string | null;
                        key: string;
                        nameEn: string;
                        nameZh: string;
                        public?: boolean;
                    }[];
                    departments: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    reopenDays: number;
                    routingRules: {
                        categoryKey: string;
                        departmentKey: string;
                        gridID: string;
                    }[];
                    workingHours: {
                        days: number[];
                        endHour: number;
                        startHour: number;
                    };
                };
                tiers: {
                    level: number;
                    nameEn: string;
                    nameZh: string;
                }[];
            };
            version: number;
        };
        DemoAccount: {
            descriptionEn: string;
            descriptionZh: string;
            name: string;
            role: string;
            tenantID: string | null;
            userID: string;
        };
        DemoStatus: {
            districts: {
                district: string;
                done: number;
                loading: boolean;
                total: number;
            }[];
            older: boolean;
        };
        Department: {
            key: string;
            nameEn: string;
            nameZh: string;
        };
        DirectoryEntry: {
            cityZh: string;
            nameEn: string;
            nameZh: string;
            provinceZh: string;
            slug: string;
        };
        District: {
            cityEn: string;
            cityZh: string;
            createdAt: string;
            nameEn: string;
            nameZh: string;
            provinceID: string;
            /** @enum {string} */
            status: "active" | "suspended";
            tenantID: string;
        };
        DistrictComparison: {
            definitions: {
                group: string;
                higherIsBetter: boolean;
                key: string;
                nameEn: string;
                nameZh: string;
                unit: string;
            }[];
            period: string;
            provinceID: string;
            rankings: {
                [key: string]: string[];
            };
            reads: number;
            rows: {
                cityEn: string;
                cityZh: string;
                nameEn: string;
                nameZh: string;
                tenantID: string;
                values: components["schemas"]["MetricValues"];
            }[];
        };
        DistrictConfig: {
            /**
             * @default {
             *       "residentSelfRegistration": true,
             *       "residentApproval": false
             *     }
             */
            access: {
                /** @default false */
                residentApproval: boolean;
                /** @default true */
                residentSelfRegistration: boolean;
            };
            dedicatedKinds: {
                key: string;
                nameEn: string;
                nameZh: string;
            }[];
            /**
             * @default {
             *       "meetingTypes": [
             *         {
             *           "key": "grid_council",
             *           "nameZh": "网格议事会",
             *           "nameEn": "Grid council"
             *         },
             *         {
             *           "key": "neighbour_talk",
             *           "nameZh": "邻里座谈会",
             *           "nameEn": "Neighbour meeting"
             *         }
             *       ],
             *       "volunteerTeamKinds": [
             *         {
             *           "key": "publicity",
             *           "nameZh": "宣传",
             *           "nameEn": "Publicity"
             *         },
             *         {
             *           "key": "environment",
             *           "nameZh": "环境整治",
             *           "nameEn": "Environment"
             *         }
             *       ],
             *       "ledgerActivityKinds": [
             *         {
             *           "key": "visit",
             *           "nameZh": "入户走访",
             *           "nameEn": "Home visit"
             *         },
             *         {
             *           "key": "patrol",
             *           "nameZh": "网格巡查",
             *           "nameEn": "Patrol"
             *         },
             *         {
             *           "key": "meeting",
             *           "nameZh": "参加会议",
             *           "nameEn": "Meeting attended"
             *         },
             *         {
             *           "key": "emergency_task",
             *           "nameZh": "应急任务",
             *           "nameEn": "Emergency task"
             *         }
             *       ],
             *       "activityKinds": [
             *         {
             *           "key": "policy_talk",
             *           "nameZh": "政策宣讲",
             *           "nameEn": "Policy talk"
             *         },
             *         {
             *           "key": "other",
             *           "nameZh": "其他服务",
             *           "nameEn": "Other service"
             *         }
             *       ]
             *     }
             */
            governance: {
                activityKinds: {
                    key: string;
                    nameEn: string;
                    nameZh: string;
                }[];
                ledgerActivityKinds: {
                    key: string;
                    nameEn: string;
                    nameZh: string;
                }[];
                meetingTypes: {
                    key: string;
                    nameEn: string;
                    nameZh: string;
                }[];
                volunteerTeamKinds: {
                    key: string;
                    nameEn: string;
                    nameZh: string;
                }[];
            };
            /**
             * @default {
             *       "tileUrl": null,
             *       "tileAttribution": null,
             *       "center": null,
             *       "zoom": 11
             *     }
             */
            map: {
                /** @default null */
                center: [
                    number,
                    number
                ] | null;
                /** Format: uri */
                tileAnnotationUrl?: string | null;
                /** @default null */
                tileAttribution: string | null;
                /**
                 * Format: uri
                 * @default null
                 */
                tileUrl: string | null;
                /** @default 11 */
                zoom: number;
            };
            mechanisms: {
                cadreSecondment: boolean;
                emergencyMode: boolean;
                meetings: boolean;
                needsLists: boolean;
                register: boolean;
                tickets: boolean;
                volunteers: boolean;
                wishes: boolean;
            };
            /**
             * @default {
             *       "tags": [
             *         {
             *           "key": "elderly_alone",
             *           "nameZh": "独居老人",
             *           "nameEn": "Elderly living alone",
             *           "sensitive": false
             *         },
             *         {
             *           "key": "disabled",
             *           "nameZh": "残疾人",
             *           "nameEn": "Person with a disability",
             *           "sensitive": false
             *         },
             *         {
             *           "key": "veteran",
             *           "nameZh": "退役军人",
             *           "nameEn": "Veteran",
             *           "sensitive": false
             *         },
             *         {
             *           "key": "low_income",
             *           "nameZh": "低保户",
             *           "nameEn": "Minimum-income household",
             *           "sensitive": true
             *         },
             *         {
             *           "key": "community_correction",
             *           "nameZh": "社区矫正对象",
             *           "nameEn": "Under community correction",
             *           "sensitive": true
             *         },
             *         {
             *           "key": "attention",
             *           "nameZh": "重点关注",
             *           "nameEn": "Needs attention",
             *           "sensitive": true
             *         }
             *       ],
             *       "revealRoles": [
             *         "grid_worker",
             *         "grid_leader",
             *         "district_admin"
             *       ]
             *     }
             */
            register: {
                revealRoles: ("grid_worker" | "grid_leader" | "district_admin")[];
                tags: {
                    key: string;
                    nameEn: string;
                    nameZh: string;
                    /** @default false */
                    sensitive: boolean;
                }[];
            };
            roles: {
                /** @enum {string} */
                accessRole: "resident" | "grid_worker" | "grid_leader" | "department_staff" | "cadre" | "district_admin";
                /** @default false */
                dedicated: boolean;
                key: string;
                nameEn: string;
                nameZh: string;
                /** @default false */
                seconded: boolean;
                tier: number | null;
            }[];
            /**
             * @default {
             *       "mechanisms": {}
             *     }
             */
            terms: {
                /** @default {} */
                mechanisms: {
                    cadreSecondment?: {
                        nameEn: string;
                        nameZh: string;
                    };
                    emergencyMode?: {
                        nameEn: string;
                        nameZh: string;
                    };
                    meetings?: {
                        nameEn: string;
                        nameZh: string;
                    };
                    needsLists?: {
                        nameEn: string;
                        nameZh: string;
                    };
                    register?: {
                        nameEn: string;
                        nameZh: string;
                    };
                    tickets?: {
                        nameEn: string;
                        nameZh: string;
                    };
                    volunteers?: {
                        nameEn: string;
                        nameZh: string;
                    };
                    wishes?: {
                        nameEn: string;
                        nameZh: string;
                    };
                };
            };
            /**
             * @default {
             *       "departments": [],
             *       "categories": [],
             *       "routingRules": [],
             *       "reopenDays": 7,
             *       "workingHours": {
             *         "startHour": 8,
             *         "endHour": 18,
             *         "days": [
             *           1,
             *           2,
             *           3,
             *           4,
             *           5
             *         ]
             *       }
             *     }
             */
            tickets: {
                categories: {
                    deadlineHours: number;
                    departmentKey: string | null;
                    key: string;
                    nameEn: string;
                    nameZh: string;
                    public?: boolean;
                }[];
                departments: {
                    key: string;
                    nameEn: string;
                    nameZh: string;
                }[];
                reopenDays: number;
                routingRules: {
                    categoryKey: string;
                    departmentKey: string;
                    gridID: string;
                }[];
                workingHours: {
                    days: number[];
                    endHour: number;
                    startHour: number;
                };
            };
            tiers: {
                level: number;
                nameEn: string;
                nameZh: string;
            }[];
            updatedAt: string;
            updatedBy: string;
            version: number;
        };
        DistrictDirectory: {
            items: components["schemas"]["DirectoryEntry"][];
        };
        DistrictMetrics: {
            categories: {
                key: string;
                nameEn: string;
                nameZh: string;
                values: components["schemas"]["MetricValues"];
            }[];
            dedicatedGrids: number;
            departments: {
                key: string;
                nameEn: string;
                nameZh: string;
                values: components["schemas"]["MetricValues"];
            }[];
            period: string;
            /** @description DynamoDB requests this reply took */
            reads: number;
            roles: {
                key: string;
                nameEn: string;
                nameZh: string;
                people: number;
            }[];
            tenantID: string;
            tiers: {
                grids: number;
                level: number;
                nameEn: string;
                nameZh: string;
            }[];
            trend: {
                months: string[];
                values: {
                    [key: string]: (number | null)[];
                };
                year: string;
            };
            values: components["schemas"]["MetricValues"];
        };
        DistrictTemplates: {
            items: {
                /** @enum {string} */
                name: "jianyang" | "minimal";
                settings: {
                    /**
                     * @default {
                     *       "residentSelfRegistration": true,
                     *       "residentApproval": false
                     *     }
                     */
                    access: {
                        /** @default false */
                        residentApproval: boolean;
                        /** @default true */
                        residentSelfRegistration: boolean;
                    };
                    dedicatedKinds: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    /**
                     * @default {
                     *       "meetingTypes": [
                     *         {
                     *           "key": "grid_council",
                     *           "nameZh": "网格议事会",
                     *           "nameEn": "Grid council"
                     *         },
                     *         {
                     *           "key": "neighbour_talk",
                     *           "nameZh": "邻里座谈会",
                     *           "nameEn": "Neighbour meeting"
                     *         }
                     *       ],
                     *       "volunteerTeamKinds": [
                     *         {
                     *           "key": "publicity",
                     *           "nameZh": "宣传",
                     *           "nameEn": "Publicity"
                     *         },
                     *         {
                     *           "key": "environment",
                     *           "nameZh": "环境整治",
                     *           "nameEn": "Environment"
                     *         }
                     *       ],
                     *       "ledgerActivityKinds": [
                     *         {
                     *           "key": "visit",
                     *           "nameZh": "入户走访",
                     *           "nameEn": "Home visit"
                     *         },
                     *         {
                     *           "key": "patrol",
                     *           "nameZh": "网格巡查",
                     *           "nameEn": "Patrol"
                     *         },
                     *         {
                     *           "key": "meeting",
                     *           "nameZh": "参加会议",
                     *           "nameEn": "Meeting attended"
                     *         },
                     *         {
                     *           "key": "emergency_task",
                     *           "nameZh": "应急任务",
                     *           "nameEn": "Emergency task"
                     *         }
                     *       ],
                     *       "activityKinds": [
                     *         {
                     *           "key": "policy_talk",
                     *           "nameZh": "政策宣讲",
                     *           "nameEn": "Policy talk"
                     *         },
                     *         {
                     *           "key": "other",
                     *           "nameZh": "其他服务",
                     *           "nameEn": "Other service"
                     *         }
                     *       ]
                     *     }
                     */
                    governance: {
                        activityKinds: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        ledgerActivityKinds: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        meetingTypes: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        volunteerTeamKinds: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                    };
                    /**
                     * @default {
                     *       "tileUrl": null,
                     *       "tileAttribution": null,
                     *       "center": null,
                     *       "zoom": 11
                     *     }
                     */
                    map: {
                        /** @default null */
                        center: [
                            number,
                            number
                        ] | null;
                        /** Format: uri */
                        tileAnnotationUrl?: string | null;
                        /** @default null */
                        tileAttribution: string | null;
                        /**
                         * Format: uri
                         * @default null
                         */
                        tileUrl: string | null;
                        /** @default 11 */
                        zoom: number;
                    };
                    mechanisms: {
                        cadreSecondment: boolean;
                        emergencyMode: boolean;
                        meetings: boolean;
                        needsLists: boolean;
                        register: boolean;
                        tickets: boolean;
                        volunteers: boolean;
                        wishes: boolean;
                    };
                    /**
                     * @default {
                     *       "tags": [
                     *         {
                     *           "key": "elderly_alone",
                     *           "nameZh": "独居老人",
                     *           "nameEn": "Elderly living alone",
                     *           "sensitive": false
                     *         },
                     *         {
                     *           "key": "disabled",
                     *           "nameZh": "残疾人",
                     *           "nameEn": "Person with a disability",
                     *           "sensitive": false
                     *         },
                     *         {
                     *           "key": "veteran",
                     *           "nameZh": "退役军人",
                     *           "nameEn": "Veteran",
                     *           "sensitive": false
                     *         },
                     *         {
                     *           "key": "low_income",
                     *           "nameZh": "低保户",
                     *           "nameEn": "Minimum-income household",
                     *           "sensitive": true
                     *         },
                     *         {
                     *           "key": "community_correction",
                     *           "nameZh": "社区矫正对象",
                     *           "nameEn": "Under community correction",
                     *           "sensitive": true
                     *         },
                     *         {
                     *           "key": "attention",
                     *           "nameZh": "重点关注",
                     *           "nameEn": "Needs attention",
                     *           "sensitive": true
                     *         }
                     *       ],
                     *       "revealRoles": [
                     *         "grid_worker",
                     *         "grid_leader",
                     *         "district_admin"
                     *       ]
                     *     }
                     */
                    register: {
                        revealRoles: ("grid_worker" | "grid_leader" | "district_admin")[];
                        tags: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                            /** @default false */
                            sensitive: boolean;
                        }[];
                    };
                    roles: {
                        /** @enum {string} */
                        accessRole: "resident" | "grid_worker" | "grid_leader" | "department_staff" | "cadre" | "district_admin";
                        /** @default false */
                        dedicated: boolean;
                        key: string;
                        nameEn: string;
                        nameZh: string;
                        /** @default false */
                        seconded: boolean;
                        tier: number | null;
                    }[];
                    /**
                     * @default {
                     *       "mechanisms": {}
                     *     }
                     */
                    terms: {
                        /** @default {} */
                        mechanisms: {
                            cadreSecondment?: {
                                nameEn: string;
                                nameZh: string;
                            };
                            emergencyMode?: {
                                nameEn: string;
                                nameZh: string;
                            };
                            meetings?: {
                                nameEn: string;
                                nameZh: string;
                            };
                            needsLists?: {
                                nameEn: string;
                                nameZh: string;
                            };
                            register?: {
                                nameEn: string;
                                nameZh: string;
                            };
                            tickets?: {
                                nameEn: string;
                                nameZh: string;
                            };
                            volunteers?: {
                                nameEn: string;
                                nameZh: string;
                            };
                            wishes?: {
                                nameEn: string;
                                nameZh: string;
                            };
                        };
                    };
                    /**
                     * @default {
                     *       "departments": [],
                     *       "categories": [],
                     *       "routingRules": [],
                     *       "reopenDays": 7,
                     *       "workingHours": {
                     *         "startHour": 8,
                     *         "endHour": 18,
                     *         "days": [
                     *           1,
                     *           2,
                     *           3,
                     *           4,
                     *           5
                     *         ]
                     *       }
                     *     }
                     */
                    tickets: {
                        categories: {
                            deadlineHours: number;
                            departmentKey: string | null;
                            key: string;
                            nameEn: string;
                            nameZh: string;
                            public?: boolean;
                        }[];
                        departments: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                        reopenDays: number;
                        routingRules: {
                            categoryKey: string;
                            departmentKey: string;
                            gridID: string;
                        }[];
                        workingHours: {
                            days: number[];
                            endHour: number;
                            startHour: number;
                        };
                    };
                    tiers: {
                        level: number;
                        nameEn: string;
                        nameZh: string;
                    }[];
                };
            }[];
        };
        DistrictUser: {
            createdAt: string;
            departmentKey: string | null;
            emailMasked: string | null;
            gridID: string | null;
            name: string;
            phoneMasked: string | null;
            roles: ("resident" | "grid_worker" | "grid_leader" | "department_staff" | "cadre" | "district_admin")[];
            /** @enum {string} */
            status: "active" | "pending" | "disabled";
            userID: string;
        };
        DistrictWithConfig: {
            config: components["schemas"]["DistrictConfig"];
            district: components["schemas"]["District"];
        };
        EmergencyBoard: {
            done: number;
            grids: components["schemas"]["EmergencyTaskGrid"][];
            pending: number;
            percentage: number;
            task: components["schemas"]["EmergencyTask"];
            total: number;
        };
        EmergencyMode: {
            affectsMe: boolean;
            grids: {
                code: string;
                gridID: string;
                name: string;
            }[];
            /** @enum {string} */
            mode: "normal" | "emergency";
            reason: string | null;
            /** @enum {string} */
            scope: "district" | "grids";
            since: string | null;
            switchedBy: string | null;
            version: number;
        };
        EmergencyTask: {
            checklist: string[];
            createdAt: string;
            createdBy: string;
            gridCount: number;
            /** @enum {string} */
            scope: "district" | "risk_area";
            taskID: string;
            title: string;
        };
        EmergencyTaskGrid: {
            code: string;
            gridID: string;
            name: string;
            note: string | null;
            reportedAt: string | null;
            reportedBy: string | null;
            /** @enum {string} */
            status: "pending" | "done";
            taskID: string;
            ticks: boolean[];
        };
        Following: {
            following: boolean;
            ticketID: string;
        };
        Grid: {
            areaM2: number;
            bbox: number[];
            boundary?: unknown;
            change: string;
            code: string;
            dedicatedKind: string | null;
            gridID: string;
            households: number | null;
            name: string;
            note: string | null;
            parentID: string | null;
            path: string[];
            population: number | null;
            /** @enum {string} */
            status: "active" | "retired";
            tier: number | null;
            updatedAt: string;
            updatedBy: string;
            version: number;
        };
        GridCoverage: {
            children: number;
            childrenAreaM2: number;
            gaps: {
                areaM2: number;
                geometry?: unknown;
            }[];
            grid: components["schemas"]["GridRef"] | null;
            ok: boolean;
            outside: {
                areaM2: number;
                code: string;
                geometry?: unknown;
                gridID: string;
            }[];
            overlaps: {
                a: {
                    code: string;
                    gridID: string;
                };
                areaM2: number;
                b: {
                    code: string;
                    gridID: string;
                };
                geometry?: unknown;
            }[];
            parentAreaM2: number;
        };
        GridDuty: {
            code: string;
            count: number;
            gridID: string;
            name: string;
            people: {
                name: string;
                personID: string;
                roleKey: string;
            }[];
        };
        GridExport: {
            bytes: number | null;
            count: number | null;
            exportID: string;
            failure: {
                code: string;
                message: string;
            } | null;
            finishedAt: string | null;
            startedAt: string;
            /** @enum {string} */
            status: "queued" | "writing" | "done" | "failed";
            url: string | null;
        };
        GridImport: {
            failure: {
                code: string;
                message: string;
            } | null;
            finishedAt: string | null;
            importID: string;
            problems: {
                message: string;
                path: string;
            }[];
            startedAt: string;
            /** @enum {string} */
            status: "queued" | "validating" | "writing" | "done" | "failed";
            total: number;
            written: number;
        };
        GridMetrics: {
            children: {
                code: string;
                gridID: string;
                name: string;
                tier: number | null;
                values: components["schemas"]["MetricValues"];
            }[];
            grid: {
                code: string;
                gridID: string;
                name: string;
                tier: number | null;
            } | null;
            period: string;
            reads: number;
            values: components["schemas"]["MetricValues"];
        };
        GridRef: {
            code: string;
            gridID: string;
            name: string;
            tier: number | null;
        };
        Health: {
            bucket: {
                error?: string;
                name: string;
                reachable: boolean;
            };
            checkedAt: string;
            /** @enum {string} */
            mode: "local" | "aws";
            /** @enum {string} */
            status: "ok" | "degraded";
            table: {
                error?: string;
                name: string;
                reachable: boolean;
                status?: string;
            };
        };
        HomeUnit: {
            createdAt: string;
            /** @enum {string} */
            kind: "government" | "state_enterprise" | "other";
            name: string;
            unitID: string;
        };
        House: {
            address: string;
            createdAt: string;
            gridID: string;
            gridPath: string[];
            households: number;
            houseID: string;
            /** @enum {string} */
            kind: "residential" | "shop" | "mixed" | "office" | "other";
            lat: number;
            lon: number;
            updatedAt: string;
        };
        Household: {
            address: string;
            createdAt: string;
            gridID: string;
            gridPath: string[];
            headName: string | null;
            headRecordID: string | null;
            householdID: string;
            houseID: string;
            members: number;
            moves: {
                at: string;
                by: string;
                fromGridID: string;
                fromHouseID: string;
                toGridID: string;
                toHouseID: string;
            }[];
            updatedAt: string;
        };
        InviteUserInput: {
            departmentKey?: string;
            email?: string;
            gridID?: string;
            name: string;
            phone?: string;
            roles: ("resident" | "grid_worker" | "grid_leader" | "department_staff" | "cadre" | "district_admin")[];
        };
        LedgerEntry: {
            cadreID: string;
            cadreName: string;
            createdAt: string;
            date: string;
            entryID: string;
            gridID: string;
            hours: number;
            kind: string;
            notes: string | null;
            photos: string[];
            unitID: string;
        };
        Me: {
            actor: {
                department?: string;
                gridID?: string;
                name?: string;
                roles: ("resident" | "grid_worker" | "grid_leader" | "department_staff" | "cadre" | "district_admin")[];
                tenantID: string;
                /** @enum {string} */
                type: "user";
                userID: string;
            } | {
                provinceID: string;
                /** @enum {string} */
                type: "province";
                userID: string;
            } | {
                /** @enum {string} */
                type: "operator";
                userID: string;
            } | {
                tenantID?: string;
                /** @enum {string} */
                type: "system";
            } | {
                tenantID: string;
                /** @enum {string} */
                type: "public";
            };
            profile: {
                name: string;
                phoneMasked: string | null;
                provinceID: string | null;
                roles: ("resident" | "grid_worker" | "grid_leader" | "department_staff" | "cadre" | "district_admin" | "provincial_admin" | "platform_operator")[];
                tenantID: string | null;
                userID: string;
            };
        };
        Meeting: {
            attendanceCount: number | null;
            attendees: string[];
            createdAt: string;
            createdBy: string;
            gridID: string;
            gridPath: string[];
            heldAt: string | null;
            meetingID: string;
            minutes: string | null;
            outcomeItemIDs: string[];
            place: string;
            scheduledAt: string;
            /** @enum {string} */
            status: "scheduled" | "held";
            topic: string;
            typeKey: string;
        };
        MetricValues: {
            [key: string]: number | null;
        };
        MyRegisterRecord: {
            createdAt: string;
            dateOfBirth: string;
            /** @enum {string} */
            gender: "male" | "female";
            gridID: string;
            gridPath: string[];
            householdID: string | null;
            houseID: string | null;
            idMasked: string;
            idNumber: string;
            movedInAt: string | null;
            movedOutAt: string | null;
            name: string;
            phone: string | null;
            phoneMasked: string | null;
            recordID: string;
            relation: string | null;
            sensitiveTagCount: number;
            sensitiveTags: string[];
            /** @enum {string} */
            status: "living" | "moved_out";
            tagNames: {
                key: string;
                nameEn: string;
                nameZh: string;
            }[];
            tags: string[];
            updatedAt: string;
        };
        NearbyTicket: {
            address: string | null;
            categoryKey: string;
            collectedAt: string;
            description: string;
            distanceM: number;
            lat: number;
            lon: number;
            /** @enum {string} */
            state: "collected" | "accepted" | "dispatched" | "handled" | "closed";
            ticketID: string;
        };
        NeedItem: {
            claimantID: string | null;
            claimantName: string | null;
            claimantUnit: string | null;
            claimedAt: string | null;
            closedAt: string | null;
            closedBy: string | null;
            closeNote: string | null;
            confirmedAt: string | null;
            createdAt: string;
            createdBy: string;
            description: string | null;
            gridID: string;
            gridPath: string[];
            itemID: string;
            /** @enum {string} */
            kind: "problem" | "project";
            meetingID: string | null;
            photos: string[];
            /** @enum {string} */
            source: "staff" | "meeting";
            /** @enum {string} */
            status: "open" | "claimed" | "closed" | "confirmed";
            title: string;
            updatedAt: string;
        };
        Notification: {
            address: string | null;
            at: string;
            /** @enum {string} */
            audience: "own" | "following" | "grid" | "department";
            category: {
                en: string;
                zh: string;
            } | null;
            closure: string | null;
            department: {
                en: string;
                zh: string;
            } | null;
            departmentKey: string | null;
            duplicateOf: string | null;
            gridName: string | null;
            kind: string;
            notificationID: string;
            read: boolean;
            state: string | null;
            ticketID: string | null;
        };
        OnboardInput: {
            admin: {
                name: string;
                phone: string;
            };
            cityEn: string;
            cityZh: string;
            nameEn: string;
            nameZh: string;
            provinceID: string;
            settings?: {
                access?: {
                    residentApproval?: boolean;
                    residentSelfRegistration?: boolean;
                };
                dedicatedKinds: {
                    key: string;
                    nameEn: string;
                    nameZh: string;
                }[];
                governance?: {
                    activityKinds: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    ledgerActivityKinds: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    meetingTypes: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    volunteerTeamKinds: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                };
                map?: {
                    center?: [
                        number,
                        number
                    ] | null;
                    /** Format: uri */
                    tileAnnotationUrl?: string | null;
                    tileAttribution?: string | null;
                    /** Format: uri */
                    tileUrl?: string | null;
                    zoom?: number;
                };
                mechanisms: {
                    cadreSecondment: boolean;
                    emergencyMode: boolean;
                    meetings: boolean;
                    needsLists: boolean;
                    register: boolean;
                    tickets: boolean;
                    volunteers: boolean;
                    wishes: boolean;
                };
                register?: {
                    revealRoles: ("grid_worker" | "grid_leader" | "district_admin")[];
                    tags: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                        sensitive?: boolean;
                    }[];
                };
                roles: {
                    /** @enum {string} */
                    accessRole: "resident" | "grid_worker" | "grid_leader" | "department_staff" | "cadre" | "district_admin";
                    dedicated?: boolean;
                    key: string;
                    nameEn: string;
                    nameZh: string;
                    seconded?: boolean;
                    tier: number | null;
                }[];
                terms?: {
                    mechanisms?: {
                        cadreSecondment?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        emergencyMode?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        meetings?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        needsLists?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        register?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        tickets?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        volunteers?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        wishes?: {
                            nameEn: string;
                            nameZh: string;
                        };
                    };
                };
                tickets?: {
                    categories: {
                        deadlineHours: number;
                        departmentKey: string | null;
                        key: string;
                        nameEn: string;
                        nameZh: string;
                        public?: boolean;
                    }[];
                    departments: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    reopenDays: number;
                    routingRules: {
                        categoryKey: string;
                        departmentKey: string;
                        gridID: string;
                    }[];
                    workingHours: {
                        days: number[];
                        endHour: number;
                        startHour: number;
                    };
                };
                tiers: {
                    level: number;
                    nameEn: string;
                    nameZh: string;
                }[];
            };
            slug: string;
            /** @enum {string} */
            template?: "jianyang" | "minimal";
        };
        Open311ApiKey: {
            createdAt: string;
            createdBy: string;
            keyID: string;
            label: string;
        };
        Open311Errors: {
            code: number;
            description: string;
        }[];
        Open311Service: {
            description: string;
            group: string;
            keywords: string;
            metadata: boolean;
            service_code: string;
            service_name: string;
            /** @enum {string} */
            type: "realtime" | "batch" | "blackbox";
        };
        Open311ServiceRequest: {
            address: string | null;
            agency_responsible: string;
            description: string;
            expected_datetime: string | null;
            lat: number;
            long: number;
            requested_datetime: string;
            service_code: string;
            service_name: string;
            service_notice: string | null;
            service_request_id: string;
            /** @enum {string} */
            status: "open" | "closed";
            status_notes: string;
            updated_datetime: string;
        };
        Organisation: {
            address: string;
            contactName: string | null;
            contactPhoneMasked: string | null;
            createdAt: string;
            creditCode: string | null;
            gridID: string;
            gridPath: string[];
            /** @enum {string} */
            kind: "enterprise" | "institution" | "managed";
            lat: number;
            lon: number;
            name: string;
            organisationID: string;
            updatedAt: string;
        };
        OwnersRecord: {
            createdAt: string;
            date: string;
            estate: string | null;
            gridID: string;
            gridPath: string[];
            /** @enum {string} */
            kind: "committee_worker" | "consultation" | "livelihood_project";
            personName: string | null;
            /** @enum {string|null} */
            projectKind: "lift" | "fans" | "facade" | "other" | null;
            recordID: string;
            topic: string | null;
        };
        PartyOrg: {
            createdAt: string;
            gridIDs: string[];
            headName: string | null;
            headTitle: string | null;
            /** @enum {string} */
            kind: "community_committee" | "grid_branch" | "building_group" | "central_household";
            members: number | null;
            name: string;
            orgID: string;
            parentOrgID: string | null;
            path: string[];
        };
        PartyRecord: {
            date: string;
            /** @enum {string} */
            kind: "joint_meeting" | "co_building_project";
            notes: string | null;
            orgID: string;
            recordID: string;
            /** @enum {string} */
            status: "held" | "claimed" | "done";
            title: string;
            units: string[];
        };
        Problem: {
            /** @example district.not_found */
            code: string;
            detail: string;
            errors?: {
                message: string;
                path: string;
            }[];
            status: number;
            title: string;
            type: string;
        };
        Province: {
            nameEn: string;
            nameZh: string;
            provinceID: string;
        };
        PublicTicket: {
            address: string | null;
            categoryKey: string;
            closedAt: string | null;
            /** @enum {string|null} */
            closure: "solved" | "not_responsible" | "duplicate" | "not_accepted" | "void" | null;
            collectedAt: string;
            description: string;
            duplicateOf: string | null;
            followers: number;
            following: boolean;
            gridID: string;
            lat: number;
            lon: number;
            own: boolean;
            /** @enum {string} */
            state: "collected" | "accepted" | "dispatched" | "handled" | "closed";
            ticketID: string;
            updatedAt: string;
        };
        RegisterAccessEntry: {
            accessID: string;
            /** @enum {string} */
            action: "reveal" | "read" | "export" | "self";
            actorID: string;
            actorName: string | null;
            at: string;
            detail: string | null;
            field: string | null;
            purpose: string | null;
            recordID: string | null;
            recordName: string | null;
        };
        Registered: {
            /** @enum {string} */
            status: "active" | "pending";
            userID: string;
        };
        RegisterExport: {
            bytes: number | null;
            exportID: string;
            failure: {
                code: string;
                message: string;
            } | null;
            finishedAt: string | null;
            /** @enum {string} */
            format: "csv" | "xlsx";
            gridID: string | null;
            startedAt: string;
            /** @enum {string} */
            status: "queued" | "writing" | "done" | "failed";
            url: string | null;
            written: number;
        };
        RegisterImport: {
            checked: number;
            failure: {
                code: string;
                message: string;
            } | null;
            finishedAt: string | null;
            headers: string[];
            importID: string;
            mapping: {
                address?: string;
                gridCode?: string;
                headIDNumber?: string;
                householdNumber?: string;
                idNumber?: string;
                lat?: string;
                lon?: string;
                movedInAt?: string;
                name?: string;
                phone?: string;
                relation?: string;
                tags?: string;
            } | null;
            rejected: {
                column: string;
                reasonEn: string;
                reasonZh: string;
                row: number;
            }[];
            rejectedCount: number;
            reportUrl: string | null;
            startedAt: string;
            /** @enum {string} */
            status: "queued" | "validating" | "writing" | "done" | "failed";
            total: number;
            written: number;
        };
        RegisterImportMapping: {
            address?: string;
            gridCode?: string;
            headIDNumber?: string;
            householdNumber?: string;
            idNumber?: string;
            lat?: string;
            lon?: string;
            movedInAt?: string;
            name?: string;
            phone?: string;
            relation?: string;
            tags?: string;
        } | null;
        RegisterResidentInput: {
            code: string;
            phone: string;
        };
        Registration: {
            approval: boolean;
            nameEn: string;
            nameZh: string;
            selfRegistration: boolean;
            tenantID: string;
        };
        RegistrationStarted: {
            expiresInSeconds: number;
            /** @enum {boolean} */
            sent: true;
        };
        ReporterContact: {
            name: string | null;
            phoneMasked: string | null;
        };
        ResidentRecord: {
            createdAt: string;
            /** @enum {string} */
            gender: "male" | "female";
            gridID: string;
            gridPath: string[];
            householdID: string | null;
            houseID: string | null;
            idMasked: string;
            movedInAt: string | null;
            movedOutAt: string | null;
            name: string;
            phoneMasked: string | null;
            recordID: string;
            relation: string | null;
            sensitiveTagCount: number;
            /** @enum {string} */
            status: "living" | "moved_out";
            tags: string[];
            updatedAt: string;
        };
        ResidentRecordDetail: {
            address: string | null;
            createdAt: string;
            /** @enum {string} */
            gender: "male" | "female";
            gridID: string;
            gridPath: string[];
            householdID: string | null;
            houseID: string | null;
            idMasked: string;
            mayReveal: boolean;
            movedInAt: string | null;
            movedOutAt: string | null;
            name: string;
            phoneMasked: string | null;
            recordID: string;
            relation: string | null;
            sensitiveTagCount: number;
            sensitiveTags: string[] | null;
            /** @enum {string} */
            status: "living" | "moved_out";
            tags: string[];
            updatedAt: string;
        };
        RevealReporterInput: {
            purpose: string;
        };
        RollbackConfigInput: {
            expectedVersion: number;
            note?: string;
            toVersion: number;
        };
        SignedOut: {
            directory: boolean;
            sessionsValidAfter: string;
            userID: string;
        };
        SignInConfig: {
            /** @example wangge-portal */
            clientID: string;
            /** @example https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbCdEf123 */
            issuer: string;
            /** @example openid */
            scope: string;
        };
        StartRegistrationInput: {
            name: string;
            phone: string;
        };
        Ticket: {
            acceptedAt: string | null;
            address: string | null;
            categoryKey: string;
            closedAt: string | null;
            /** @enum {string|null} */
            closure: "solved" | "not_responsible" | "duplicate" | "not_accepted" | "void" | null;
            collectedAt: string;
            departmentKey: string | null;
            description: string;
            dispatchedAt: string | null;
            dueAt: string | null;
            duplicateOf: string | null;
            followers: number;
            gridID: string;
            gridPath: string[];
            handledAt: string | null;
            handledBy: string | null;
            lat: number;
            lon: number;
            onTime: boolean | null;
            overdue: boolean;
            pendingRequest: {
                at: string;
                by: string;
                departmentKey: string | null;
                hours: number | null;
                kind: string;
                reason: string;
                seq: number;
            } | null;
            photos: string[];
            rating: number | null;
            ratingComment: string | null;
            reopenCount: number;
            reporterID: string;
            seq: number;
            /** @enum {string} */
            state: "collected" | "accepted" | "dispatched" | "handled" | "closed";
            ticketID: string;
            updatedAt: string;
        };
        TierConfig: {
            dedicatedKinds: unknown[];
            tiers: unknown[];
            version: number;
        };
        TimelineEntry: {
            action: string;
            actorID: string;
            actorName: string | null;
            actorRole: string;
            at: string;
            closure: string | null;
            departmentKey: string | null;
            fromState: string | null;
            note: string | null;
            photos: string[];
            rating: number | null;
            seq: number;
            toState: string;
        };
        UpdateConfigInput: {
            changes: {
                access?: {
                    residentApproval?: boolean;
                    residentSelfRegistration?: boolean;
                };
                dedicatedKinds?: {
                    key: string;
                    nameEn: string;
                    nameZh: string;
                }[];
                governance?: {
                    activityKinds: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    ledgerActivityKinds: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    meetingTypes: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    volunteerTeamKinds: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                };
                map?: {
                    center?: [
                        number,
                        number
                    ] | null;
                    /** Format: uri */
                    tileAnnotationUrl?: string | null;
                    tileAttribution?: string | null;
                    /** Format: uri */
                    tileUrl?: string | null;
                    zoom?: number;
                };
                mechanisms?: {
                    cadreSecondment: boolean;
                    emergencyMode: boolean;
                    meetings: boolean;
                    needsLists: boolean;
                    register: boolean;
                    tickets: boolean;
                    volunteers: boolean;
                    wishes: boolean;
                };
                register?: {
                    revealRoles: ("grid_worker" | "grid_leader" | "district_admin")[];
                    tags: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                        sensitive?: boolean;
                    }[];
                };
                roles?: {
                    /** @enum {string} */
                    accessRole: "resident" | "grid_worker" | "grid_leader" | "department_staff" | "cadre" | "district_admin";
                    dedicated?: boolean;
                    key: string;
                    nameEn: string;
                    nameZh: string;
                    seconded?: boolean;
                    tier: number | null;
                }[];
                terms?: {
                    mechanisms?: {
                        cadreSecondment?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        emergencyMode?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        meetings?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        needsLists?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        register?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        tickets?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        volunteers?: {
                            nameEn: string;
                            nameZh: string;
                        };
                        wishes?: {
                            nameEn: string;
                            nameZh: string;
                        };
                    };
                };
                tickets?: {
                    categories: {
                        deadlineHours: number;
                        departmentKey: string | null;
                        key: string;
                        nameEn: string;
                        nameZh: string;
                        public?: boolean;
                    }[];
                    departments: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    reopenDays: number;
                    routingRules: {
                        categoryKey: string;
                        departmentKey: string;
                        gridID: string;
                    }[];
                    workingHours: {
                        days: number[];
                        endHour: number;
                        startHour: number;
                    };
                };
                tiers?: {
                    level: number;
                    nameEn: string;
                    nameZh: string;
                }[];
            };
            expectedVersion: number;
            note?: string;
        };
        UpdateUserInput: {
            departmentKey?: string | null;
            gridID?: string | null;
            roles?: ("resident" | "grid_worker" | "grid_leader" | "department_staff" | "cadre" | "district_admin")[];
            /** @enum {string} */
            status?: "active" | "disabled";
        };
        VolunteerActivity: {
            activityID: string;
            createdAt: string;
            date: string;
            gridID: string;
            gridPath: string[];
            kind: string;
            organisers: string[];
            served: number;
            teamIDs: string[];
            title: string;
        };
        VolunteerMember: {
            joinedAt: string;
            memberID: string;
            name: string;
            phone: string;
            teamID: string;
        };
        VolunteerProblemSolved: {
            createdAt: string;
            date: string;
            gridID: string;
            problemID: string;
            teamID: string;
            title: string;
        };
        VolunteerSummary: {
            months: {
                activities: number;
                committeeWorkers: number;
                consultations: number;
                livelihoodProjects: number;
                members: number;
                month: string;
                problemsSolved: number;
                served: number;
                teams: number;
            }[];
            scope: string;
            totals: {
                activities: number;
                committeeWorkers: number;
                consultations: number;
                livelihoodProjects: number;
                members: number;
                problemsSolved: number;
                served: number;
                teams: number;
            };
            year: string | null;
            years: string[];
        };
        VolunteerTeam: {
            createdAt: string;
            gridID: string;
            gridPath: string[];
            kind: string;
            leaderName: string;
            leaderPhone: string | null;
            memberCount: number;
            name: string;
            problemsSolved: number;
            teamID: string;
        };
        Wish: {
            claimantID: string | null;
            claimedAt: string | null;
            confirmedAt: string | null;
            createdAt: string;
            description: string;
            fulfilledAt: string | null;
            fulfilNote: string | null;
            gridID: string;
            gridPath: string[];
            lat: number | null;
            lon: number | null;
            photos: string[];
            posterID: string;
            /** @enum {string} */
            status: "open" | "claimed" | "fulfilled" | "confirmed" | "cancelled";
            title: string;
            updatedAt: string;
            wishID: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAuditEvents: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                subjectID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["AuditEvent"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyCadreAssignments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My assignments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assignments: components["schemas"]["Cadre"][];
                        current: components["schemas"]["Cadre"] | null;
                        kinds: {
                            key: string;
                            nameEn: string;
                            nameZh: string;
                        }[];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCadreCoverage: {
        parameters: {
            query?: {
                gridID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Coverage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CadreCoverage"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCadres: {
        parameters: {
            query?: {
                cursor?: string;
                gridID?: string;
                limit?: number;
                status?: "active" | "ended";
                unitID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of cadres */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["Cadre"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignCadre: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    from: string;
                    gridID: string;
                    name: string;
                    phone: string;
                    to: string;
                    unitID: string;
                    userID?: string;
                };
            };
        };
        responses: {
            /** @description Assigned */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cadre"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCadre: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cadreID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cadre */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cadre"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    endCadreAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cadreID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cadre"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCadreEvaluations: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                cadreID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of evaluations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["CadreEvaluation"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    evaluateCadre: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cadreID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    attitude: number;
                    comment?: string;
                    /** @enum {string} */
                    grade: "excellent" | "good" | "fair" | "poor";
                    month: string;
                    performance: number;
                    workState: number;
                };
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CadreEvaluation"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDistrictConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The configuration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictConfig"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateDistrictConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConfigInput"];
            };
        };
        responses: {
            /** @description The new version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictConfig"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Categories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Category"][];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Departments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Department"][];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rollbackConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RollbackConfigInput"];
            };
        };
        responses: {
            /** @description The new version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictConfig"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTierConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tiers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TierConfig"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTierConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    dedicatedKinds: {
                        key: string;
                        nameEn: string;
                        nameZh: string;
                    }[];
                    expectedVersion?: number;
                    tiers: {
                        level: number;
                        nameEn: string;
                        nameZh: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TierConfig"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConfigVersions: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["ConfigVersion"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConfigVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigVersionDetail"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDevAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Demo accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accounts: components["schemas"]["DemoAccount"][];
                    };
                };
            };
        };
    };
    getDemoStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The demo's progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DemoStatus"];
                };
            };
        };
    };
    listDistricts: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of districts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["District"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    onboardDistrict: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OnboardInput"];
            };
        };
        responses: {
            /** @description The district is live */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        admin: {
                            name: string;
                            roles: string[];
                            userID: string;
                        };
                        config: components["schemas"]["DistrictConfig"];
                        district: components["schemas"]["District"];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDistrict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The district */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictWithConfig"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The district's registration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registration"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartRegistrationInput"];
            };
        };
        responses: {
            /** @description A code is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationStarted"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many tries: wait the seconds `Retry-After` gives */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerResident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterResidentInput"];
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registered"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many tries: wait the seconds `Retry-After` gives */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDistrictDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The live districts, by province, city and name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictDirectory"];
                };
            };
        };
    };
    listTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates with their settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictTemplates"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEmergencyMode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mode */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmergencyMode"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setEmergencyMode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    gridIDs?: string[];
                    /** @enum {string} */
                    mode: "normal" | "emergency";
                    reason: string;
                    /** @enum {string} */
                    scope?: "district" | "grids";
                };
            };
        };
        responses: {
            /** @description Switched */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmergencyMode"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEmergencyTasks: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of rounds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["EmergencyTask"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createEmergencyTask: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    checklist: string[];
                    gridIDs?: string[];
                    /** @enum {string} */
                    scope: "district" | "risk_area";
                    title: string;
                };
            };
        };
        responses: {
            /** @description Issued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmergencyTask"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEmergencyBoard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                taskID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The board */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmergencyBoard"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportEmergencyTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gridID: string;
                taskID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    ticks: boolean[];
                };
            };
        };
        responses: {
            /** @description Reported */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmergencyTaskGrid"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyEmergencyTasks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Open tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            grid: components["schemas"]["EmergencyTaskGrid"];
                            task: components["schemas"]["EmergencyTask"];
                        }[];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGrids: {
        parameters: {
            query?: {
                boundary?: "true" | "false";
                cursor?: string;
                limit?: number;
                parentID?: string;
                retired?: "true" | "false";
                tier?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of grids */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["Grid"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createGrid: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    boundary?: unknown;
                    code: string;
                    dedicatedKind?: string;
                    households?: number;
                    name: string;
                    parentID?: string;
                    population?: number;
                    tier?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grid"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGrid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gridID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The grid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ancestors: components["schemas"]["GridRef"][];
                        grid: components["schemas"]["Grid"];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateGrid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gridID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    boundary?: unknown;
                    expectedVersion?: number;
                    households?: number;
                    name?: string;
                    note?: string;
                    parentID?: string;
                    population?: number;
                    /** @enum {string} */
                    status?: "retired";
                };
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grid"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGridCoverage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gridID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GridCoverage"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    splitGrid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gridID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    pieces: {
                        boundary?: unknown;
                        code: string;
                        households?: number;
                        name: string;
                        population?: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Split */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pieces: components["schemas"]["Grid"][];
                        retired: components["schemas"]["GridRef"];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGridVersions: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                gridID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: {
                            at: string;
                            by: string;
                            change: string;
                            note: string | null;
                            snapshot: {
                                [key: string]: unknown;
                            };
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportGrids: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GridExport"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGridExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exportID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GridExport"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importGrids: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    uploadKey: string;
                };
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GridImport"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGridImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                importID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The import */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GridImport"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createGridUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Upload here */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresAt: string;
                        maxBytes: number;
                        /** @enum {string} */
                        method: "PUT";
                        uploadKey: string;
                        url: string;
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    locateGrid: {
        parameters: {
            query?: {
                lat?: number | null;
                lon?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The grid there */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ancestors: components["schemas"]["GridRef"][];
                        dedicated: components["schemas"]["GridRef"][];
                        grid: components["schemas"]["GridRef"];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mergeGrids: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    gridIDs: string[];
                    name: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Merged */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        merged: components["schemas"]["Grid"];
                        retired: components["schemas"]["GridRef"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchGrids: {
        parameters: {
            query?: {
                limit?: number;
                q?: string;
                tier?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching grids */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["GridRef"][];
                        more: boolean;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All reachable */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Something is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    listHomeUnits: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of home units */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["HomeUnit"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createHomeUnit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind?: "government" | "state_enterprise" | "other";
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HomeUnit"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportUnitFeedback: {
        parameters: {
            query?: {
                format?: "xlsx" | "csv";
                month?: string;
            };
            header?: never;
            path: {
                unitID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLedgerEntries: {
        parameters: {
            query?: {
                cadreID?: string;
                cursor?: string;
                gridID?: string;
                limit?: number;
                mine?: "true" | "false";
                month?: string;
                unitID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["LedgerEntry"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createLedgerEntry: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    date: string;
                    gridID?: string;
                    hours: number;
                    kind: string;
                    notes?: string;
                    photoKeys?: string[];
                };
            };
        };
        responses: {
            /** @description Logged */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerEntry"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["Notification"][];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    notificationIDs?: string[];
                };
            };
        };
        responses: {
            /** @description Marked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        marked: number;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signOutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description When the caller's sessions end */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedOut"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMeetings: {
        parameters: {
            query?: {
                cursor?: string;
                from?: string;
                gridID?: string;
                limit?: number;
                status?: "scheduled" | "held";
                typeKey?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of meetings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["Meeting"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    gridID: string;
                    place: string;
                    /** Format: date-time */
                    scheduledAt: string;
                    topic: string;
                    typeKey: string;
                };
            };
        };
        responses: {
            /** @description Scheduled */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Meeting"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                meetingID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The meeting */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            itemID: string;
                            /** @enum {string} */
                            kind: "problem" | "project";
                            /** @enum {string} */
                            status: "open" | "claimed" | "closed" | "confirmed";
                            title: string;
                        }[];
                        meeting: components["schemas"]["Meeting"];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordMeetingOutcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                meetingID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    attendanceCount?: number;
                    attendees?: string[];
                    minutes: string;
                    outcomes?: {
                        description?: string;
                        /** @enum {string} */
                        kind: "problem" | "project";
                        title: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The meeting, held, and the items created */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NeedItem"][];
                        meeting: components["schemas"]["Meeting"];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeetingStats: {
        parameters: {
            query?: {
                gridID?: string;
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attendance: number;
                        byType: {
                            [key: string]: number;
                        };
                        held: number;
                        scheduled: number;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    compareDistricts: {
        parameters: {
            query?: {
                from?: string;
                period?: string;
                provinceID?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comparison */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictComparison"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportComparison: {
        parameters: {
            query?: {
                format?: "xlsx" | "csv";
                from?: string;
                period?: string;
                provinceID?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDistrictMetrics: {
        parameters: {
            query?: {
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictMetrics"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGridMetrics: {
        parameters: {
            query?: {
                period?: string;
            };
            header?: never;
            path: {
                gridID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The grid and its children */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GridMetrics"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recountMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    repair?: boolean;
                };
            };
        };
        responses: {
            /** @description The recount */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        drift: {
                            field: string;
                            period: string;
                            recounted: number;
                            scope: string;
                            stored: number;
                        }[];
                        grids: number;
                        people: number;
                        repaired: boolean;
                        tickets: number;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNeedItems: {
        parameters: {
            query?: {
                cursor?: string;
                gridID?: string;
                kind?: "problem" | "project";
                limit?: number;
                mine?: "true" | "false";
                status?: "open" | "claimed" | "closed" | "confirmed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["NeedItem"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createNeedItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    gridID: string;
                    /** @enum {string} */
                    kind: "problem" | "project";
                    title: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedItem"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNeedItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["NeedItem"];
                        photoUrls: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    claimNeedItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    unit?: string;
                };
            };
        };
        responses: {
            /** @description The item after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedItem"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeNeedItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                    photoKeys?: string[];
                };
            };
        };
        responses: {
            /** @description The item after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedItem"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmNeedItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The item after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedItem"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNeedsProgress: {
        parameters: {
            query?: {
                gridID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimed: number;
                        closed: number;
                        confirmed: number;
                        created: number;
                        inProgress: number;
                        open: number;
                        problems: number;
                        projects: number;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    open311Discovery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                format: "xml" | "json";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Discovery (JSON shown; the XML document has the same fields) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                    "text/xml": string;
                };
            };
        };
    };
    listOpen311Keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Open311ApiKey"][];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOpen311Key: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    label: string;
                };
            };
        };
        responses: {
            /** @description The new key */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        createdBy: string;
                        key: string;
                        keyID: string;
                        label: string;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeOpen311Key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311ApiKey"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    open311Requests: {
        parameters: {
            query: {
                end_date?: string;
                jurisdiction_id: string;
                /** @description comma-delimited */
                service_code?: string;
                /** @description comma-delimited; overrides every other parameter */
                service_request_id?: string;
                start_date?: string;
                /** @description open, closed or both, comma-delimited */
                status?: string;
            };
            header?: never;
            path: {
                format: "xml" | "json";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Requests (JSON shown; the XML document has the same fields) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311ServiceRequest"][];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
        };
    };
    open311CreateRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                format: "xml" | "json";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    address_string?: string;
                    api_key: string;
                    description?: string;
                    jurisdiction_id: string;
                    lat: string;
                    long: string;
                    service_code: string;
                    token?: string;
                };
            };
        };
        responses: {
            /** @description Created (JSON shown; the XML document has the same fields) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_id: string;
                        service_notice: string;
                        service_request_id: string;
                    }[];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
        };
    };
    open311Request: {
        parameters: {
            query: {
                jurisdiction_id: string;
            };
            header?: never;
            path: {
                format: "xml" | "json";
                service_request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request (JSON shown; the XML document has the same fields) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311ServiceRequest"][];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
        };
    };
    open311Services: {
        parameters: {
            query: {
                jurisdiction_id: string;
            };
            header?: never;
            path: {
                format: "xml" | "json";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Services (JSON shown; the XML document has the same fields) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Service"][];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
        };
    };
    open311ServiceDefinition: {
        parameters: {
            query: {
                jurisdiction_id: string;
            };
            header?: never;
            path: {
                format: "xml" | "json";
                service_code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Definition (JSON shown; the XML document has the same fields) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description always empty: categories take no attributes */
                        attributes: Record<string, never>[];
                        service_code: string;
                    };
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
        };
    };
    open311Token: {
        parameters: {
            query: {
                jurisdiction_id: string;
            };
            header?: never;
            path: {
                format: "xml" | "json";
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request's id (JSON shown; the XML document has the same fields) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        service_request_id: string;
                        token: string;
                    }[];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
            /** @description Errors (JSON shown; the XML document has the same fields) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                    "text/xml": string;
                };
            };
        };
    };
    listPartyOrgs: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                parentOrgID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of organisations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["PartyOrg"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPartyOrg: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    gridIDs: string[];
                    headName?: string;
                    headTitle?: string;
                    /** @enum {string} */
                    kind: "community_committee" | "grid_branch" | "building_group" | "central_household";
                    members?: number;
                    name: string;
                    parentOrgID?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartyOrg"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartyOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organisation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        chain: components["schemas"]["PartyOrg"][];
                        children: components["schemas"]["PartyOrg"][];
                        org: components["schemas"]["PartyOrg"];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPartyRecords: {
        parameters: {
            query?: {
                cursor?: string;
                kind?: "joint_meeting" | "co_building_project";
                limit?: number;
                orgID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["PartyRecord"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPartyRecord: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    date: string;
                    /** @enum {string} */
                    kind: "joint_meeting" | "co_building_project";
                    notes?: string;
                    orgID: string;
                    /** @enum {string} */
                    status?: "held" | "claimed" | "done";
                    title: string;
                    units: string[];
                };
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartyRecord"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPeople: {
        parameters: {
            query?: {
                cursor?: string;
                gridID?: string;
                limit?: number;
                personID?: string;
                roleKey?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of role assignments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["Assignment"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    from?: string;
                    gridID: string;
                    person?: {
                        homeUnit?: string;
                        name: string;
                        phone: string;
                    };
                    personID?: string;
                    roleKey: string;
                    to?: string;
                };
            };
        };
        responses: {
            /** @description Assigned */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOnDuty: {
        parameters: {
            query?: {
                gridID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The people on duty */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        children: components["schemas"]["GridDuty"][];
                        count: number;
                        gridID: string | null;
                        people: {
                            name: string;
                            personID: string;
                            roleKey: string;
                        }[];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProvinces: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of provinces */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["Province"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProvince: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Province"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Province"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAccessLog: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                recordID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["RegisterAccessEntry"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportAccessLog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegisterCounts: {
        parameters: {
            query?: {
                gridID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        children: {
                            code: string;
                            counts: {
                                households: number;
                                houses: number;
                                organisations: number;
                                people: number;
                                tags: {
                                    [key: string]: number;
                                };
                            };
                            gridID: string;
                            name: string;
                        }[];
                        counts: {
                            households: number;
                            houses: number;
                            organisations: number;
                            people: number;
                            tags: {
                                [key: string]: number;
                            };
                        };
                        gridID: string | null;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEnterprises: {
        parameters: {
            query?: {
                cursor?: string;
                gridID?: string;
                kind?: "enterprise" | "institution" | "managed";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of organisations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["Organisation"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createEnterprise: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address: string;
                    contactName?: string;
                    contactPhone?: string;
                    creditCode?: string;
                    gridID?: string;
                    /** @enum {string} */
                    kind?: "enterprise" | "institution" | "managed";
                    lat: number;
                    lon: number;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    format?: "csv" | "xlsx";
                    gridID?: string;
                };
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterExport"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many tries: wait the seconds `Retry-After` gives */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegisterExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exportID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterExport"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHouseholds: {
        parameters: {
            query?: {
                cursor?: string;
                gridID?: string;
                houseID?: string;
                limit?: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of households */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["Household"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    houseID: string;
                };
            };
        };
        responses: {
            /** @description Opened */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Household"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                householdID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The household */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        household: components["schemas"]["Household"];
                        members: components["schemas"]["ResidentRecord"][];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    moveHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                householdID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    houseID: string;
                };
            };
        };
        responses: {
            /** @description Moved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Household"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHouses: {
        parameters: {
            query?: {
                cursor?: string;
                gridID?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of houses */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["House"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createHouse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address: string;
                    gridID?: string;
                    /** @enum {string} */
                    kind?: "residential" | "shop" | "mixed" | "office" | "other";
                    lat: number;
                    lon: number;
                };
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["House"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mapping?: {
                        address?: string;
                        gridCode?: string;
                        headIDNumber?: string;
                        householdNumber?: string;
                        idNumber?: string;
                        lat?: string;
                        lon?: string;
                        movedInAt?: string;
                        name?: string;
                        phone?: string;
                        relation?: string;
                        tags?: string;
                    };
                    uploadKey: string;
                };
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterImport"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many tries: wait the seconds `Retry-After` gives */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegisterImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                importID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The import */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterImport"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegisterImportMapping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mapping */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mapping: components["schemas"]["RegisterImportMapping"];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createRegisterUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where to PUT the file (15 minutes) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresAt: string;
                        maxBytes: number;
                        /** @enum {string} */
                        method: "PUT";
                        uploadKey: string;
                        url: string;
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyRegisterRecord: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        records: components["schemas"]["MyRegisterRecord"][];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchRegister: {
        parameters: {
            query?: {
                cursor?: string;
                gridID?: string;
                limit?: number;
                q?: string;
                status?: "living" | "moved_out";
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of people */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["ResidentRecord"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createResidentRecord: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    dateOfBirth?: string;
                    /** @enum {string} */
                    gender?: "male" | "female";
                    gridID?: string;
                    householdID?: string;
                    idNumber: string;
                    movedInAt?: string;
                    name: string;
                    phone?: string;
                    relation?: string;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentRecord"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResidentRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentRecordDetail"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateResidentRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    phone?: string | null;
                    relation?: string | null;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentRecord"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    moveOutResident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    movedOutAt?: string;
                };
            };
        };
        responses: {
            /** @description Moved out */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentRecord"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revealField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    field: "idNumber" | "phone" | "dateOfBirth";
                    purpose: string;
                };
            };
        };
        responses: {
            /** @description The value */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        field: "idNumber" | "phone" | "dateOfBirth";
                        recordID: string;
                        value: string | null;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRegisterPoints: {
        parameters: {
            query?: {
                gridID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The points */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        houses: {
                            address: string;
                            gridID: string;
                            households: number;
                            houseID: string;
                            /** @enum {string} */
                            kind: "residential" | "shop" | "mixed" | "office" | "other";
                            lat: number;
                            lon: number;
                        }[];
                        organisations: {
                            gridID: string;
                            /** @enum {string} */
                            kind: "enterprise" | "institution" | "managed";
                            lat: number;
                            lon: number;
                            name: string;
                            organisationID: string;
                        }[];
                        truncated: boolean;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSignInConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The issuer, client ID and scopes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInConfig"];
                };
            };
        };
    };
    listTickets: {
        parameters: {
            query?: {
                categoryKey?: string;
                cursor?: string;
                departmentKey?: string;
                gridID?: string;
                limit?: number;
                mine?: "true" | "false";
                overdue?: "true" | "false";
                state?: "collected" | "accepted" | "dispatched" | "handled" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tickets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["Ticket"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTicket: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string;
                    categoryKey: string;
                    description: string;
                    lat: number;
                    lon: number;
                    photoKeys?: string[];
                };
            };
        };
        responses: {
            /** @description Already created by an earlier try with this Idempotency-Key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: boolean;
                        ticket: components["schemas"]["Ticket"];
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: boolean;
                        ticket: components["schemas"]["Ticket"];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        photoUrls: {
                            [key: string]: string;
                        };
                        ticket: components["schemas"]["Ticket"];
                        timeline: components["schemas"]["TimelineEntry"][];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideTicketChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    approve: boolean;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dispatchTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    departmentKey?: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markTicketDuplicate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    originalID: string;
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    followTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Following */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Following"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unfollowTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not following */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Following"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportHandling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                    photoKeys?: string[];
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    attachPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    photoKey: string;
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The public view */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicTicket"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rateTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    rating: number;
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reopenTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTicketReporter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reporter */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReporterContact"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revealTicketReporter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealReporterInput"];
            };
        };
        responses: {
            /** @description The reporter's name and whole phone */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        phone: string;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestTicketChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    departmentKey?: string;
                    hours?: number;
                    /** @enum {string} */
                    kind: "extend" | "send_up" | "transfer" | "void";
                    note: string;
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendBackTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ticketID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    closure?: "solved" | "not_responsible" | "duplicate";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The ticket after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNearbyTickets: {
        parameters: {
            query: {
                lat: string;
                lon: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The open tickets near the point */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NearbyTicket"][];
                        radiusM: number;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPhotoUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    contentType: "image/jpeg" | "image/png" | "image/webp" | "image/heic";
                };
            };
        };
        responses: {
            /** @description Upload here */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresAt: string;
                        headers: {
                            [key: string]: string;
                        };
                        maxBytes: number;
                        /** @enum {string} */
                        method: "PUT";
                        photoKey: string;
                        url: string;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                q?: string;
                role?: "resident" | "grid_worker" | "grid_leader" | "department_staff" | "cadre" | "district_admin";
                status?: "active" | "pending" | "disabled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["DistrictUser"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    inviteUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteUserInput"];
            };
        };
        responses: {
            /** @description The user */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictUser"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUserRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserInput"];
            };
        };
        responses: {
            /** @description The user after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictUser"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signOutUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description When their sessions end */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedOut"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listActivities: {
        parameters: {
            query?: {
                cursor?: string;
                gridID?: string;
                limit?: number;
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of activities */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["VolunteerActivity"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createActivity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    date: string;
                    gridID: string;
                    kind: string;
                    organisers: string[];
                    served: number;
                    teamIDs?: string[];
                    title: string;
                };
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteerActivity"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOwnersRecords: {
        parameters: {
            query: {
                cursor?: string;
                gridID?: string;
                kind: "committee_worker" | "consultation" | "livelihood_project";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["OwnersRecord"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOwnersRecord: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    date: string;
                    estate: string;
                    gridID: string;
                    /** @enum {string} */
                    kind: "committee_worker";
                    personID?: string;
                    personName: string;
                } | {
                    date: string;
                    estate?: string;
                    gridID: string;
                    /** @enum {string} */
                    kind: "consultation";
                    topic: string;
                } | {
                    date: string;
                    estate?: string;
                    gridID: string;
                    /** @enum {string} */
                    kind: "livelihood_project";
                    /** @enum {string} */
                    projectKind: "lift" | "fans" | "facade" | "other";
                    topic: string;
                };
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnersRecord"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVolunteerSummary: {
        parameters: {
            query?: {
                gridID?: string;
                year?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteerSummary"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVolunteerTeams: {
        parameters: {
            query?: {
                cursor?: string;
                gridID?: string;
                kind?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of teams */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["VolunteerTeam"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createVolunteerTeam: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    gridID: string;
                    kind: string;
                    leaderName: string;
                    leaderPhone?: string;
                    members?: {
                        name: string;
                        phone: string;
                    }[];
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteerTeam"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVolunteerTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: components["schemas"]["VolunteerMember"][];
                        team: components["schemas"]["VolunteerTeam"];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addVolunteerMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    phone: string;
                };
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteerMember"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeVolunteerMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                memberID: string;
                teamID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        removed: string;
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVolunteerProblems: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                teamID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of problems solved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["VolunteerProblemSolved"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordVolunteerProblem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    date: string;
                    gridID?: string;
                    title: string;
                };
            };
        };
        responses: {
            /** @description Recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteerProblemSolved"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWishes: {
        parameters: {
            query?: {
                cursor?: string;
                gridID?: string;
                limit?: number;
                status?: "open" | "claimed" | "fulfilled" | "confirmed" | "cancelled";
                view?: "grid" | "mine" | "claimed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of wishes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cursor: string | null;
                        items: components["schemas"]["Wish"][];
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWish: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description: string;
                    gridID?: string;
                    lat?: number;
                    lon?: number;
                    title: string;
                };
            };
        };
        responses: {
            /** @description Posted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Wish"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                wishID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The wish */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        photoUrls: {
                            [key: string]: string;
                        };
                        wish: components["schemas"]["Wish"];
                    };
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelWish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                wishID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The wish after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Wish"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    claimWish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                wishID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The wish after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Wish"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmWish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                wishID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The wish after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Wish"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    fulfilWish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                wishID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                    photoKeys?: string[];
                };
            };
        };
        responses: {
            /** @description The wish after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Wish"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseWish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                wishID: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The wish after the step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Wish"];
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWishProgress: {
        parameters: {
            query?: {
                gridID?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cancelled: number;
                        claimed: number;
                        confirmed: number;
                        fulfilled: number;
                        posted: number;
                        released: number;
                    };
                };
            };
            /** @description Invalid input (field paths in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
