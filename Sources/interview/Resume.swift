import ArgumentParser
import Foundation
import InterviewKit
import InterviewTUI

struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue an unfinished session: the one named, or one you choose from the unfinished ones.",
        discussion: HelpExamples.discussion("""
            Without SESSION, lists the unfinished sessions (the sessions folder, and every file `run --out` \
            wrote before) with candidate, date, question and last activity, and asks which; with one, says \
            whose it opens. --reopen opens an ended interview again to amend it: that is recorded, and the \
            report marks what was added after the end.
            """, "resume"))

    @Argument(help: "The session file.", completion: .file(extensions: ["json"]))
    var session: String?

    @Flag(help: "Open an ended (completed) interview again, to amend it.")
    var reopen = false

    @Flag(help: "Start in share-safe mode: only the prompt and the clocks on screen.")
    var share = false

    @OptionGroup var look: ThemeOption

    func run() throws {
        let theme = try look.resolve()
        let path: String
        let file: SessionFile
        if let session {
            do {
                file = try SessionStore.read(session)
            } catch {
                throw exitWithInputError(error)
            }
            // Through a link, the session is saved where the link points, and the link stays.
            path = URL(fileURLWithPath: session).resolvingSymlinksInPath().path
        } else {
            try requireTerminal()
            (path, file) = try Self.choose(SessionStore.standard())
        }
        if file.status == .completed, !reopen {
            throw exitWithInputError(InputError(file: path, line: 1, column: 1,
                                                message: "this interview has ended: expected an unfinished one (--reopen amends an ended one; `interview replay` shows it)"))
        }
        var engine = SessionEngine(file: file)
        engine.perform(file.status == .completed ? .reopenEnded : .reopen, at: file.clockSeconds)
        if share { engine.perform(.setShareSafe(true), at: file.clockSeconds) }
        try requireTerminal()
        let exit = try runLive(engine: engine, clock: SessionClock(SystemClock(), continuingFrom: file.clockSeconds), path: path,
                               theme: theme, practice: file.mode == .practice)
        try report(exit, path: path)
    }

    /// An unfinished session, as `resume` lists it.
    struct Unfinished {
        var path: String
        var file: SessionFile
        var lastActivity: Date

        func line(now: Date) -> String {
            let state = file.finalState
            let whose = file.candidate.isEmpty ? "no candidate named" : file.candidate
            let started = ReportText.date(file.startedAt)
            let minutes = Int(now.timeIntervalSince(lastActivity) / 60)
            let ago = minutes < 1 ? "just now" : minutes < 120 ? "\(minutes) min ago" : "\(minutes / 60) h ago"
            let mode = file.mode == .practice ? ", practice" : ""
            return VisibleText.visible("\(whose)\(mode), started \(started), at question \(state.current + 1)/\(file.questions.count), last activity \(ago): \(path)")
        }
    }

    /// The unfinished sessions, newest activity first: the folder's and the remembered `--out` files.
    static func unfinished(_ store: SessionStore) -> [Unfinished] {
        var seen: Set<String> = []
        return (store.sessionPaths() + store.knownPaths()).compactMap { path -> Unfinished? in
            guard seen.insert(path).inserted, SessionStore.isRegularFile(path), let file = try? SessionStore.read(path),
                  file.status != .completed,
                  let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            else { return nil }
            return Unfinished(path: path, file: file, lastActivity: modified)
        }.sorted { $0.lastActivity > $1.lastActivity }
    }

    /// The session to go on with: the only one (said whose), or the one chosen.
    static func choose(_ store: SessionStore) throws -> (String, SessionFile) {
        let sessions = unfinished(store)
        let now = Date()
        guard let first = sessions.first else {
            printError("no unfinished session in \(store.folder.path) nor among the --out files used before: name one, e.g. `interview resume FILE`")
            throw ExitCode(2)
        }
        if sessions.count == 1 {
            print("Resuming \(first.line(now: now))")
            return (first.path, first.file)
        }
        print("Unfinished sessions:")
        for (index, session) in sessions.enumerated() { print("  \(index + 1). \(session.line(now: now))") }
        while true {
            print("Which one? 1–\(sessions.count), Enter for 1, q for none: ", terminator: "")
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces), answer != "q" else { throw ExitCode(0) }
            if answer.isEmpty { return (first.path, first.file) }
            if let n = Int(answer), sessions.indices.contains(n - 1) {
                print("Resuming \(sessions[n - 1].line(now: now))")
                return (sessions[n - 1].path, sessions[n - 1].file)
            }
        }
    }
}
