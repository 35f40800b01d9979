import ArgumentParser
import Foundation
import InterviewKit

// The life cycle of candidate data (docs/privacy.md): purge what is past the retention,
// forget a candidate, anonymize a session for calibration, redact its notes.

struct Purge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "List the sessions older than the retention (and the reports written from them); delete them with --yes.",
        discussion: """
            The retention is --older-than, else `retention = "180d"` in config.toml. A session's age is \
            the time since it started; a recorded report (`report -o`) goes with the oldest session it \
            reports on. Sessions are those of the sessions folder and the files `run --out` wrote. \
            Deleting unlinks each file and flushes its folder; a session a running interview holds is \
            kept. See docs/privacy.md.
            """)

    @Option(name: .customLong("older-than"), help: ArgumentHelp("The age past which sessions go, e.g. 90d, 26w or 2y (default: config.toml's retention).", valueName: "age"))
    var olderThan: String?

    @Flag(help: "Delete them (without it, only list them).")
    var yes = false

    func run() throws {
        let days: Int
        if let olderThan {
            guard let parsed = RetentionPeriod.days(olderThan) else {
                throw exitWithInputError(InputError(file: "--older-than", line: 1, column: 1,
                                                    message: "bad age \"\(VisibleText.visible(olderThan))\": expected \(RetentionPeriod.expected)"))
            }
            days = parsed
        } else if let configured = try Defaults.config().retentionDays {
            days = configured
        } else {
            printError("no retention to purge by: expected --older-than 90d, or retention = \"180d\" in \(Config.folder().appendingPathComponent("config.toml").path)")
            throw ExitCode(2)
        }
        let cutoff = RetentionPeriod.cutoff(days: days, now: Date())
        let data = StoredData.load(SessionStore.standard())
        let sessions = data.sessions.filter { ($0.startedAt ?? .distantFuture) < cutoff }
        let undated = data.sessions.filter { $0.startedAt == nil }
        // Only what reads as a report of the program goes: a recorded path is never enough.
        let reports = data.reports.filter { report in
            guard report.exists, !report.mentions.isEmpty else { return false }
            let dates = report.mentions.compactMap(\.date)
            return dates.isEmpty ? (report.modified ?? .distantFuture) < cutoff : dates.contains { $0 < cutoff }
        }
        let unknown = data.reports.filter { $0.exists && $0.mentions.isEmpty }
        let age = RetentionPeriod.describe(days: days)
        let again = "interview purge" + (olderThan.map { " --older-than \(Privacy.quoted($0))" } ?? "") + " --yes"
        var listing = Privacy.Listing()
        listing.title("Older than \(age) (started before \(ReportText.date(ISO8601.string(cutoff)))):")
        for session in sessions { listing.session(session) }
        for report in reports { listing.report(report) }
        listing.unreachable(data)
        for report in unknown {
            listing.note("recorded as a report, but not one this program reads back, kept: \(VisibleText.visible(report.path))")
        }
        for session in undated {
            listing.note("cannot tell when it started, kept: \(VisibleText.visible(session.path))"
                         + (session.error.map { " (\($0.message))" } ?? ""))
        }
        guard !sessions.isEmpty || !reports.isEmpty else {
            print(listing.text(emptyTitle: "No session is older than \(age) (in \(VisibleText.visible(data.store.folder.path)))."),
                  terminator: "")
            if yes { try Privacy.forgetUnreachable(data) }
            return
        }
        print(listing.text(), terminator: "")
        let total = Privacy.count(sessions: sessions.count, reports: reports.count) + ", " + Erasure.describe(bytes: listing.bytes)
        guard yes else {
            print("\(total): nothing deleted. Delete them with: \(again)")
            return
        }
        let failures = Privacy.delete(sessions: sessions, reports: reports, data: data)
        try Privacy.forgetUnreachable(data)
        print("Deleted \(Privacy.count(sessions: sessions.count - failures.sessions, reports: reports.count - failures.reports)).")
        if failures.sessions + failures.reports > 0 { throw ExitCode(1) }
    }
}

struct Forget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Find every session and recorded report of a candidate; delete them with --yes.",
        discussion: """
            NAME matches a session's candidate exactly, ignoring case and runs of spaces; sessions of \
            similar names are shown and left alone unless named by --id (the short id shown, or the \
            whole id). Reports are those `report -o` wrote (recorded in reports-written) that report on \
            one of those sessions or name the candidate. With --yes each file is unlinked and its folder \
            flushed, and the candidate's files leave the program's memory of --out files. What cannot \
            be reached (a report moved elsewhere) is said. See docs/privacy.md.
            """)

    @Argument(help: "The candidate's name, as in the sessions.")
    var name: String?

    @Option(name: .customLong("id"), help: ArgumentHelp("A session to include by its id (or short id); repeatable.", valueName: "id"))
    var ids: [String] = []

    @Flag(help: "Delete them (without it, only list them).")
    var yes = false

    func validate() throws {
        if (name ?? "").allSatisfy(\.isWhitespace), ids.isEmpty { throw ValidationError("name a candidate, or a session with --id") }
    }

    func run() throws {
        let data = StoredData.load(SessionStore.standard())
        let name = self.name.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        let chosen = data.sessions.filter { session in
            guard let file = session.file else { return false }
            return name.map { NameMatch.isExact($0, file.candidate) } == true || ids.contains { Privacy.idMatches($0, file.id) }
        }
        let unmatched = ids.filter { id in !data.sessions.contains { Privacy.idMatches(id, $0.id) } }
        let near = name.map { name in
            data.sessions.filter { session in
                !chosen.contains { $0.path == session.path } && session.file.map { NameMatch.isNear(name, $0.candidate) } == true
            }
        } ?? []
        let reports = data.reports.filter { report in
            report.exists && report.mentions.contains { mention in
                chosen.contains { session in session.file.map { mention.reports(on: $0) } == true }
                    || name.map { mention.names($0) } == true
            }
        }
        let who = name.map { VisibleText.visible($0) } ?? "The sessions named by --id"
        var listing = Privacy.Listing()
        listing.title("\(who): \(Privacy.count(sessions: chosen.count, reports: reports.count))")
        for session in chosen { listing.session(session) }
        for report in reports { listing.report(report) }
        if !near.isEmpty {
            listing.section("Similar names, left alone (add --id ID to include one):")
            for session in near { listing.session(session, showID: true) }
        }
        for id in unmatched { listing.note("no session has the id \(VisibleText.visible(id))") }
        let unreadable = data.sessions.filter { $0.file == nil }
        for session in unreadable {
            listing.note("cannot be read as a session, so it may hold anyone's data (not touched): \(VisibleText.visible(session.path))")
        }
        listing.unreachable(data)
        print(listing.text(), terminator: "")
        guard !chosen.isEmpty || !reports.isEmpty else { return }
        guard yes else {
            var again = ["interview", "forget"]
            if let name { again.append(Privacy.quoted(name)) }
            for id in ids { again += ["--id", Privacy.quoted(id)] }
            print("\(Privacy.count(sessions: chosen.count, reports: reports.count)), \(Erasure.describe(bytes: listing.bytes)): nothing deleted. Delete them with: \((again + ["--yes"]).joined(separator: " "))")
            return
        }
        let failures = Privacy.delete(sessions: chosen, reports: reports, data: data)
        try Privacy.forgetUnreachable(data)
        print("Deleted \(Privacy.count(sessions: chosen.count - failures.sessions, reports: reports.count - failures.reports)), and forgot them.")
        if failures.sessions + failures.reports > 0 { throw ExitCode(1) }
    }
}

struct Anonymize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize",
        abstract: "Keep a session for calibration and stats without the candidate: no name, no notes.",
        discussion: """
            Keeps the ratings, times, ticks, the recommendation, the questions and the interviewer; \
            removes the candidate's name (it becomes anonymous-<short id>, and so does the file's name), \
            the notes and the closing notes, and every event that edited them. The session still replays, \
            reports and counts in `stats`. NAME takes every session of that candidate (an exact match); \
            FILE, one session. Reports `report -o` wrote from it are deleted: they hold the name and the \
            notes. See docs/privacy.md.
            """)

    @Argument(help: "A candidate's name, or a session file.", completion: .file(extensions: ["json"]))
    var target: String

    func run() throws {
        let store = SessionStore.standard()
        let data = StoredData.load(store)
        var sessions: [StoredSession]
        if SessionStore.isRegularFile(target) {
            let absolute = URL(fileURLWithPath: target).standardizedFileURL.path
            let session = StoredData.read(absolute, remembered: store.knownPaths().contains(absolute))
            if let error = session.error { throw exitWithInputError(error) }
            sessions = [session]
        } else {
            sessions = data.sessions.filter { $0.file.map { NameMatch.isExact(target, $0.candidate) } == true }
            guard !sessions.isEmpty else {
                let near = data.sessions.compactMap(\.file).map(\.candidate).filter { NameMatch.isNear(target, $0) }
                let similar = Array(Set(near)).sorted().map { "'\(VisibleText.visible($0))'" }.joined(separator: ", ")
                throw exitWithInputError(InputError(file: target, line: 1, column: 1, message:
                    "no such file, and no session of that candidate: expected a session file or a candidate's exact name"
                    + (similar.isEmpty ? "" : " (similar: \(similar))")))
            }
        }
        var failed = false
        for session in sessions {
            guard let file = session.file else { continue }
            if Redaction.isAnonymous(file) {
                print("already anonymous: \(VisibleText.visible(session.path))")
                continue
            }
            do {
                let moved = try Privacy.anonymize(session, file: file, store: store, reports: data.reports(of: session))
                print(moved)
            } catch {
                printError("\(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Take text out of a session's notes, and out of every event of its log.",
        discussion: """
            With --remove TEXT (repeatable), every occurrence of TEXT (exact, case and all) goes from the \
            notes and closing notes, in every event, with the versions of a line saved while it was half \
            typed. With --deleted, everything typed and then deleted during the interview goes from the \
            log (replay showed it; the notes keep what stayed). Without either, the notes open in $VISUAL, else $EDITOR, else vi, as a text file (0600, \
            beside the session, removed after): take out words or lines, save and quit. Either way replay \
            never shows the text again, and the log records that a redaction happened, when, and how many \
            characters, never what. See docs/privacy.md.
            """)

    @Argument(help: "The session file.", completion: .file(extensions: ["json"]))
    var file: String

    @Option(name: .customLong("remove"), help: ArgumentHelp("Text to take out of the notes; repeatable.", valueName: "text"))
    var remove: [String] = []

    @Flag(help: "Take out of the log everything typed and then deleted during the interview (the notes keep what stayed).")
    var deleted = false

    func validate() throws {
        for text in remove {
            if text.isEmpty { throw ValidationError("--remove needs some text") }
            if text.contains(where: \.isNewline) { throw ValidationError("--remove takes text within one line: a note line never holds a line break") }
        }
    }

    func run() throws {
        let session: SessionFile
        do {
            session = try SessionStore.read(file)
        } catch {
            throw exitWithInputError(error)
        }
        let path = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        let lock: SessionLock
        do {
            lock = try SessionLock(session: path)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        defer { lock.release() }
        let now = Date()
        var outcome: Redaction.Outcome
        if remove.isEmpty, !deleted {
            guard let edited = try RedactEditor.edit(session, path: path, now: now) else { return }
            outcome = edited
        } else {
            outcome = Redaction.removing(remove, from: session, now: now)
            if deleted {
                let document = RedactionDocument(file: outcome.file, name: URL(fileURLWithPath: path).lastPathComponent)
                do {
                    outcome = Redaction.combined(outcome, try document.apply(document.textWithoutDeleted, file: path, now: now))
                } catch {
                    throw exitWithInputError(error)
                }
            }
        }
        let shown = VisibleText.visible(path)
        if outcome.changed {
            do {
                try SessionStore.writeAtomically(try outcome.file.encoded(), to: URL(fileURLWithPath: path))
            } catch {
                printError("cannot save \(shown): \(error)")
                throw ExitCode(1)
            }
            print("Redacted \(shown): \(outcome.characters) character\(outcome.characters == 1 ? "" : "s") out of the notes, "
                  + "\(outcome.events) event\(outcome.events == 1 ? "" : "s") written again; the log records the redaction (when, how many characters).")
        } else {
            print(remove.isEmpty ? "Nothing taken out: \(shown) is as it was."
                                 : "Not in the notes of \(shown)\(deleted ? ", nor typed and deleted" : ""): nothing changed.")
        }
        for warning in Privacy.leftovers(of: remove, in: outcome.file) { print(warning) }
        let reports = RecordedReport.all(SessionStore.standard()).filter { $0.reports(on: outcome.file) }
        if outcome.changed, !reports.isEmpty {
            print("Reports written from it before still hold what was taken out; write them again, or delete them:")
            for report in reports { print("  " + VisibleText.visible(report.path)) }
        }
    }
}

/// `redact FILE` without --remove: the notes in the user's editor.
enum RedactEditor {
    /// The outcome of editing, or nil when nothing is to change (said already).
    static func edit(_ session: SessionFile, path: String, now: Date) throws -> Redaction.Outcome? {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let document = RedactionDocument(file: session, name: name)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(name).redact.\(getpid()).txt")
        do {
            try SessionStore.writeAtomically(Data(document.text.utf8), to: temporary)
        } catch {
            printError("cannot write the notes to edit: \(error)")
            throw ExitCode(1)
        }
        defer { _ = try? Erasure.deleteFile(temporary.path) }
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        while true {
            let status = run(editor, on: temporary.path)
            guard status == 0 else {
                printError("the editor (\(editor)) exited with status \(status): nothing changed")
                throw ExitCode(1)
            }
            guard let data = FileManager.default.contents(atPath: temporary.path), let edited = String(data: data, encoding: .utf8) else {
                printError("the edited notes (\(temporary.path)) cannot be read as UTF-8 text: nothing changed")
                throw ExitCode(2)
            }
            if edited == document.text {
                print("Nothing taken out: \(VisibleText.visible(path)) is as it was.")
                return nil
            }
            do {
                return try document.apply(edited, file: temporary.path, now: now)
            } catch {
                printError(error.description + "; nothing changed")
                guard isatty(STDIN_FILENO) == 1 else { throw ExitCode(2) }
                print("Edit again? [Y/n] ", terminator: "")
                fflush(nil)
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "n"
                guard answer.isEmpty || answer.hasPrefix("y") else { throw ExitCode(2) }
            }
        }
    }

    /// Runs `editor FILE` through the shell (so that `EDITOR="code --wait"` works) on this
    /// terminal, in this process group, and waits for it. Not with Foundation's `Process`,
    /// which gives the child no terminal to read. While it runs, Ctrl-C and Ctrl-\\ reach
    /// the editor only; it starts with every signal at its default.
    static func run(_ editor: String, on file: String) -> Int32 {
        let previous = (signal(SIGINT, SIG_IGN), signal(SIGQUIT, SIG_IGN))
        defer {
            signal(SIGINT, previous.0)
            signal(SIGQUIT, previous.1)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let command: String = editor + " \"$1\""
        let arguments: [String] = ["/bin/sh", "-c", command, "sh", file]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, environ)
        guard spawned == 0 else {
            printError("cannot start the editor (\(editor)): \(String(cString: strerror(spawned)))")
            return 127
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // Exited normally: its status; killed by a signal: 128 + the signal, as a shell says.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

/// What the privacy commands share: how they list and delete.
enum Privacy {
    /// The listing of what a command found, and what it weighs.
    struct Listing {
        private var lines: [String] = []
        private var header = ""
        private(set) var bytes = 0
        private var items = 0

        mutating func title(_ text: String) { header = text }

        mutating func section(_ text: String) { lines.append(text) }

        mutating func session(_ session: StoredSession, showID: Bool = false) {
            let date = session.startedAt.map { ReportText.date(ISO8601.string($0)) } ?? "date unknown"
            let who = session.file.map { $0.candidate.isEmpty ? "(no name)" : VisibleText.visible($0.candidate) } ?? "(unreadable)"
            var line = "  " + Self.pad(date, 21) + "  " + Self.pad(who, 24) + "  " + Self.pad(Erasure.describe(bytes: session.size), 9, right: true)
            if showID { line += "  id " + SessionNames.shortID(session.id) }
            line += "  " + VisibleText.visible(session.path)
            if session.rescue { line += "  (a rescue copy)" }
            if SessionLock.isHeld(session: session.path) { line += "  (in use by a running interview: it will be kept)" }
            lines.append(line)
            if !showID {
                bytes += session.size
                items += 1
            }
        }

        mutating func report(_ report: RecordedReport) {
            let who = report.mentions.isEmpty ? "" : report.candidates.map(VisibleText.visible).joined(separator: ", ")
            lines.append("  " + Self.pad("report", 21) + "  " + Self.pad(who, 24) + "  "
                         + Self.pad(Erasure.describe(bytes: report.size), 9, right: true) + "  " + VisibleText.visible(report.path))
            bytes += report.size
            items += 1
        }

        mutating func note(_ text: String) { lines.append("  note: " + text) }

        /// The remembered files that are no longer where they were written.
        mutating func unreachable(_ data: StoredData) {
            let missing = data.reports.filter { !$0.exists }.map(\.path) + data.missingSessions
            guard !missing.isEmpty else { return }
            lines.append("Not found where the program wrote them (moved or deleted elsewhere: out of its reach; delete them yourself if they still exist):")
            for path in missing { lines.append("  " + VisibleText.visible(path)) }
        }

        func text(emptyTitle: String? = nil) -> String {
            let top = items == 0 ? (emptyTitle ?? header) : header
            return ([top] + lines).map { $0 + "\n" }.joined()
        }

        static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let cut = text.count > width ? String(text.prefix(width - 1)) + "…" : text
            let fill = String(repeating: " ", count: max(0, width - cut.count))
            return right ? fill + cut : cut + fill
        }
    }

    static func count(sessions: Int, reports: Int) -> String {
        let s = sessions == 1 ? "1 session" : "\(sessions) sessions"
        let r = reports == 1 ? "1 report" : "\(reports) reports"
        return "\(s) and \(r)"
    }

    /// Text for a shell: as it is when it is plain, else in single quotes.
    static func quoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:@%+=,".contains($0)) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `--id ID` names a session by its whole id, its short id, or the start of its id (4 characters or more).
    static func idMatches(_ given: String, _ id: String) -> Bool {
        let given = given.lowercased()
        guard !id.isEmpty, !given.isEmpty else { return false }
        return given == id.lowercased() || given == SessionNames.shortID(id) || (given.count >= 4 && id.lowercased().hasPrefix(given))
    }

    /// Deletes the sessions and reports, forgets them in the program's memory, and says
    /// each; returns how many could not be deleted.
    static func delete(sessions: [StoredSession], reports: [RecordedReport], data: StoredData)
        -> (sessions: Int, reports: Int) {
        var failed = (sessions: 0, reports: 0)
        for session in sessions {
            do {
                try Erasure.deleteSession(session.path)
                print("deleted \(VisibleText.visible(session.path))")
                if session.remembered { try? data.store.remember(session.path, false) }
            } catch {
                printError(error.description)
                failed.sessions += 1
            }
        }
        var gone: Set<String> = []
        for report in reports {
            do {
                try Erasure.deleteFile(report.path)
                print("deleted \(VisibleText.visible(report.path))")
                gone.insert(report.path)
            } catch {
                printError(error.description)
                failed.reports += 1
            }
        }
        do {
            try RecordedReport.forget(gone, in: RecordedReport.recordFile(of: data.store))
        } catch {
            printError("cannot update \(RecordedReport.recordFile(of: data.store).path): \(error)")
        }
        return failed
    }

    /// Forgets the remembered files that are gone (after saying so in the listing).
    static func forgetUnreachable(_ data: StoredData) throws {
        for path in data.missingSessions { try? data.store.remember(path, false) }
        let reports = Set(data.reports.filter { !$0.exists }.map(\.path))
        try? RecordedReport.forget(reports, in: RecordedReport.recordFile(of: data.store))
    }

    /// Anonymizes one session in place, then renames it `DATE-anonymous-<short id>.json`
    /// beside where it was, holding its lock throughout; deletes the reports written from it.
    static func anonymize(_ session: StoredSession, file: SessionFile, store: SessionStore,
                          reports: [RecordedReport]) throws -> String {
        let lock = try SessionLock(session: session.path)
        defer { lock.release() }
        let outcome = Redaction.anonymized(file, now: Date())
        let url = URL(fileURLWithPath: session.path)
        try SessionStore.writeAtomically(try outcome.file.encoded(), to: url)
        let stamp = SessionNames.date(inFileName: url.lastPathComponent).map { _ in String(url.lastPathComponent.prefix(19)) }
            ?? SessionNames.stamp(session.startedAt ?? Date())
        let base = stamp + "-" + Redaction.anonymousName(file)
        var target = url
        // A rescue copy is named by the session's id, not the candidate: it keeps its name.
        if !session.rescue, !url.lastPathComponent.hasPrefix(base) {
            var n = 1
            while true {
                let candidate = url.deletingLastPathComponent().appendingPathComponent(base + (n == 1 ? "" : "-\(n)") + ".json")
                do throws(SessionStore.CreateError) {
                    try SessionStore.createExclusively(candidate)
                    target = candidate
                    break
                } catch {
                    if case .failed(let failure) = error { throw failure }
                    n += 1
                }
            }
            guard rename(url.path, target.path) == 0 else {
                let code = errno
                unlink(target.path)
                throw Erasure.Failure.failed(url.path, errno: code)
            }
            for leftover in (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
            where leftover.hasPrefix("." + url.lastPathComponent + ".") && leftover != "." + url.lastPathComponent + ".lock" {
                unlink(url.deletingLastPathComponent().appendingPathComponent(leftover).path)
            }
            Erasure.syncFolder(of: target.path)
            if session.remembered {
                try? store.remember(session.path, false)
                try? store.remember(target.path)
            }
        }
        var lines = ["anonymized \(VisibleText.visible(session.path))"
                     + (target == url ? "" : " → \(VisibleText.visible(target.path))")
                     + " (\(outcome.characters) characters of notes removed)"]
        var gone: Set<String> = []
        for report in reports where report.exists {
            if (try? Erasure.deleteFile(report.path)) != nil {
                gone.insert(report.path)
                lines.append("deleted the report \(VisibleText.visible(report.path)) (it held the name and the notes)")
            } else {
                lines.append("could not delete the report \(VisibleText.visible(report.path)): it still holds the name and the notes")
            }
        }
        try? RecordedReport.forget(gone, in: RecordedReport.recordFile(of: store))
        return lines.joined(separator: "\n")
    }

    /// What `redact --remove` leaves in the file on purpose, or by a difference of case.
    static func leftovers(of texts: [String], in file: SessionFile) -> [String] {
        var out: [String] = []
        for text in texts {
            let shown = VisibleText.visible(text)
            var places: [String] = []
            if file.candidate.contains(text) { places.append("the candidate's name (`interview anonymize` takes it out)") }
            if file.interviewer.contains(text) { places.append("the interviewer's name") }
            if file.questions.contains(where: { q in
                [q.prompt, q.whyAsk, q.expectedAnswer, q.howToEvaluate].contains { $0.contains(text) } || q.rubric.contains { $0.text.contains(text) }
            }) { places.append("the questions (the bank's text)") }
            if !places.isEmpty { out.append("'\(shown)' is still in \(places.joined(separator: ", ")): redact changes only the notes.") }
            let lower = text.lowercased()
            var variants: Set<String> = []
            for event in file.events {
                for line in event.lines ?? [] where line.text.lowercased().contains(lower) {
                    for start in line.text.indices where line.text[start...].lowercased().hasPrefix(lower) {
                        let end = line.text.index(start, offsetBy: text.count, limitedBy: line.text.endIndex) ?? line.text.endIndex
                        variants.insert(String(line.text[start..<end]))
                    }
                }
            }
            for variant in variants.sorted() where variant != text {
                out.append("'\(VisibleText.visible(variant))' is still in the notes (another case): add --remove \(quoted(variant)) to take it out too.")
            }
        }
        return out
    }
}
