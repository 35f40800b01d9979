import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import InterviewCore
import InterviewReports
import InterviewStore
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

    @Argument(help: "The session file.", completion: Complete.unfinishedSession)
    var session: String?

    @Flag(help: "Open an ended (completed) interview again, to amend it.")
    var reopen = false

    @Flag(help: "Start in share-safe mode: only the prompt and the clocks on screen.")
    var share = false

    @OptionGroup var look: ThemeOption
    @OptionGroup var pointer: MouseOption

    func run() throws {
        let theme = try look.resolve()
        let store = SessionStore.standard()
        let given: String
        if let session {
            given = session
        } else {
            try requireTerminal()
            // What the list showed is only a choice: the file is read again under its lock.
            given = try Self.choose(store)
        }
        // Through a link, the session is saved where the link points, and the link stays.
        let path = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
        if RescueCopies.isRescue(path) {
            try resumeRescue(path, store: store, theme: theme)
            return
        }
        let (lock, file) = try lockedRead(path, shown: given)
        defer { lock.release() }
        var notice: String?
        if let rescue = RescueCopies.of(id: file.id).first {
            let warning = "a rescue copy of this session, written when this file could not be saved, may hold later work: "
                + "\(VisibleText.visible(rescue)) (kept; `interview resume \(VisibleText.visible(rescue))` saves it back here)"
            printError(warning)
            notice = "⚠ " + warning
        }
        try live(file, path: path, lock: lock, theme: theme, notice: notice)
    }

    /// Resumes a rescue copy into the session's own file (found by its id; a new file in
    /// the sessions folder when it is gone), and removes the copy once saved there.
    private func resumeRescue(_ rescue: String, store: SessionStore, theme: Theme) throws {
        let (rescueLock, file) = try lockedRead(rescue, shown: rescue)
        defer { rescueLock.release() }
        var created = false
        let target: String
        if let home = RescueCopies.home(of: file, store: store) {
            target = home
        } else {
            let started = (try? Date(file.startedAt, strategy: .iso8601)) ?? Date()
            target = try newSessionFile(store, for: SessionEngine(file: file), candidate: file.candidate, startedAt: started).path
            created = true
        }
        let lock: SessionLock
        do {
            lock = try SessionLock(session: target)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        defer { lock.release() }
        let shown = (VisibleText.visible(rescue), VisibleText.visible(target))
        // An ended interview goes back as it is, without the screen.
        if file.status == .completed, !reopen {
            do {
                try SessionStore.writeAtomically(try file.encoded(), to: URL(fileURLWithPath: target))
                try SessionStore.delete(rescue)
            } catch {
                printError("cannot save the rescue copy \(shown.0) back to \(shown.1): \(error)")
                throw ExitCode(1)
            }
            print("The rescue copy \(shown.0) holds an ended interview: saved back to \(shown.1), and removed.")
            return
        }
        print("Resuming the rescue copy \(shown.0) into \(shown.1); the copy goes once saved there.")
        try live(file, path: target, lock: lock, theme: theme, created: created, replacing: rescue)
    }

    /// Opens `file` on the live screen, saving to `path` under `lock`.
    private func live(_ file: SessionFile, path: String, lock: SessionLock, theme: Theme, notice: String? = nil,
                      created: Bool = false, replacing rescue: String? = nil) throws {
        if file.status == .completed, !reopen {
            if created { unlink(path) }
            throw exitWithInputError(InputError(file: path,
                                                message: "this interview has ended: expected an unfinished one (--reopen amends an ended one; `interview replay` shows it)"))
        }
        var engine = SessionEngine(file: file)
        engine.perform(file.status == .completed ? .reopenEnded : .reopen, at: file.clockSeconds)
        if share { engine.perform(.setShareSafe(true), at: file.clockSeconds) }
        try requireTerminal()
        let clock = SessionClock(SystemClock(), continuingFrom: file.clockSeconds)
        var notice = notice
        var screen: LiveScreenRun?
        // A panel member's session follows its lead again, when the lead's file is found.
        if let panel = file.panel, file.status != .completed {
            let folders = [URL(fileURLWithPath: path).deletingLastPathComponent(), SessionStore.standard().folder]
            if let lead = PanelGroups.leadPath(of: panel, in: folders, besides: path) {
                screen = Join.following(lead, name: panel.lead, engine: engine, clock: clock, notice: notice)
            } else {
                notice = "⚠ the lead's session file is not beside this one nor in the sessions folder: not following the lead"
            }
        }
        try runLive(engine: engine, clock: clock, file: .existing(path, created: created), theme: theme, mouse: pointer.mouse(), notice: notice,
                    practice: file.mode == .practice, session: LiveSession(lock: lock, replacing: rescue),
                    screen: screen)
    }

    /// The unfinished sessions: the folder's, the remembered `--out` files and the rescue
    /// copies; those open in another window last. Those the index holds as completed are not read.
    static func unfinished(_ store: SessionStore) -> [UnfinishedSession] {
        UnfinishedSession.find(store.sessionPaths() + store.knownPaths() + RescueCopies.paths(), isRescue: RescueCopies.isRescue,
                               ended: IndexedListings.ended(store))
    }

    /// The session to go on with: the only one (said whose), or the one chosen.
    static func choose(_ store: SessionStore) throws -> String {
        let sessions = unfinished(store)
        let now = Date()
        guard let first = sessions.first else {
            printError("no unfinished session in \(store.folder.path) nor among the --out files used before: name one, e.g. `interview resume FILE`")
            throw ExitCode(2)
        }
        if sessions.count == 1, !first.open {
            print("Resuming \(first.line(now: now))")
            return first.path
        }
        print("Unfinished sessions:")
        for (index, session) in sessions.enumerated() { print("  \(index + 1). \(session.line(now: now))") }
        // What is live in another window is never the default.
        let choice = first.open ? "" : ", Enter for 1"
        while true {
            print("Which one? 1–\(sessions.count)\(choice), q for none: ", terminator: "")
            guard let answer = readLine()?.trimmed, answer != "q" else { throw ExitCode(0) }
            if answer.isEmpty, !first.open { return first.path }
            if let n = Int(answer), sessions.indices.contains(n - 1) {
                print("Resuming \(sessions[n - 1].line(now: now))")
                return sessions[n - 1].path
            }
        }
    }
}

/// Takes the lock of the session at `path`, then reads it (`shown`: the name the user
/// gave, for errors): what another program holds is refused (exit 2), and what is read
/// is what no one else writes until the lock is released.
func lockedRead(_ path: String, shown: String) throws -> (SessionLock, SessionFile) {
    let lock: SessionLock
    do {
        lock = try SessionLock(session: path)
    } catch {
        // No folder to take a lock in (a mistyped path, say): the read says what is wrong.
        if case .failed = error { _ = try readSession(shown) }
        printError("\(error)")
        throw ExitCode(2)
    }
    do {
        return (lock, try readSession(path, shown: shown))
    } catch {
        lock.release()
        throw error
    }
}

/// The session at `path`, or exit 2 with what is wrong with it (named `shown`).
private func readSession(_ path: String, shown: String? = nil) throws -> SessionFile {
    do {
        return try SessionStore.read(path)
    } catch {
        throw exitWithInputError(InputError(file: shown ?? path, line: error.line, column: error.column, message: error.message))
    }
}
