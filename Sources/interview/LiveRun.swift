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
import InterviewStore
import InterviewTerminal
import InterviewTUI

/// A session's lock, taken before the session was read, and the rescue copy it was
/// resumed from (removed once the session is saved in its own file).
struct LiveSession {
    var lock: SessionLock
    var replacing: String?
}

/// Where a live screen's session is saved.
enum LiveFile {
    /// A file that is there: resumed, or made for this session before its screen
    /// (`created`: it goes if the screen cannot start).
    case existing(String, created: Bool = false)
    /// A new session's file, made by `make` once the first frame is drawn and before the
    /// first key is read: the first frame waits for no folder, file or lock. What `make`
    /// throws is said as it is once the screen closes, before any key (exit 1; 2 when
    /// another program holds the new file's lock, or a file is already at `--out`).
    case new(make: () throws -> URL)
}

/// Runs the live (or practice) screen on the terminal, holding the session's lock (taken
/// here, or by the caller before it read the file) until the session is saved, or
/// deleted when discarded, and said where it went: one program writes a session at a time.
/// `remember`: a file outside the sessions folder (`run --out`), recorded once locked.
/// `opened`: the terminal the start screen was on, which the live screen goes on on.
func runLive(engine: SessionEngine, clock: SessionClock, file: LiveFile, theme: Theme, mouse: Bool, notice: String? = nil,
             practice: Bool = false, remember: Bool = false, session given: LiveSession? = nil,
             terminal opened: NcursesTerminal? = nil, screen: LiveScreenRun? = nil) throws {
    let store = SessionStore.standard()
    for line in store.tightenFolder()?.split(separator: "\n") ?? [] { printError(String(line)) }
    // Known once the file is there, and locked until the end.
    var path: String?
    var session = given
    var created = false
    // A lock someone else holds, or a file already at `--out` (a link to nothing passes
    // the look before the screen), is the user's to resolve (exit 2); a file that cannot be made is a failure (1).
    var refused = false
    defer { session?.lock.release() }
    func removeCreated() {
        if created, let path { unlink(path) }
    }
    /// Takes the lock of the file at `target`: nil, or what went wrong.
    func lock(_ target: String) -> String? {
        do {
            try SessionStore.createFolder(URL(fileURLWithPath: target).deletingLastPathComponent())
            session = LiveSession(lock: try SessionLock(session: target))
            return nil
        } catch {
            return "\(error)"
        }
    }
    if case .existing(let target, let made) = file {
        (path, created) = (target, made)
        if session == nil, let problem = lock(target) {
            printError(problem)
            removeCreated()
            throw ExitCode(2)
        }
    }
    func saver() -> SessionSaver? {
        guard let path, let session else { return nil }
        return SessionSaver(url: URL(fileURLWithPath: path), lock: session.lock, replacing: session.replacing)
    }
    // A new session's file is made and locked once the first frame is up, before any key.
    let opening: LiveProgram.Opening = {
        if case .new(let make) = file {
            do {
                path = try make().path
            } catch {
                refused = error is InputError
                return .failure(LiveProgram.OpenFailure(reason: "\(error)"))
            }
            created = true
            if let problem = lock(path!) {
                refused = true
                removeCreated()
                return .failure(LiveProgram.OpenFailure(reason: problem))
            }
        }
        guard let opened = saver() else { preconditionFailure("the session's file is there and locked once it is made") }
        return .success(opened)
    }
    // Recorded once the first frame is up (a write and two fsyncs it need not wait for),
    // and before the first key is read; a failure shows on the screen and again after it.
    var unrecorded: String?
    let recordOutFile = { () -> String? in
        guard remember, let path else { return nil }
        do throws(SessionStore.WriteError) {
            try store.remember(path)
            return nil
        } catch {
            unrecorded = "\(VisibleText.visible(path)) is not recorded in \(store.knownFile.path) (\(error)): `resume` does not list it, "
                + "and `forget` and `purge` do not find it"
            return unrecorded
        }
    }
    let outcome: LiveOutcome
    do {
        let terminal: NcursesTerminal
        do {
            terminal = try opened ?? openTerminal(theme: theme, mouse: mouse)
        } catch {
            removeCreated()
            throw error
        }
        defer { terminal.close() }
        let result: (state: LiveState, saved: LiveProgram.Saved)
        if let screen {
            // Another screen (a panel member's) saves to a file made before it, recorded before its first frame.
            guard let saver = saver() else { preconditionFailure("a panel member's screen saves to a file made before it") }
            _ = recordOutFile()
            result = screen(saver, terminal)
        } else {
            result = LiveProgram.run(engine: engine, clock: clock, opening: opening, terminal: terminal, notice: notice, practice: practice,
                                     afterFirstFrame: recordOutFile)
        }
        outcome = LiveOutcome(exit: result.state.exit ?? .leftForLater, saved: result.saved, shared: result.state.session.shareSafe,
                              unmadeStatus: refused ? 2 : 1)
    }
    try report(outcome, path: path ?? "")
    if let unrecorded {
        printError(unrecorded)
        throw ExitCode(1)
    }
}

/// Another screen on a live session than the live screen (a panel member's, `join`),
/// given the saver and the terminal `runLive` opened.
typealias LiveScreenRun = (SessionSaver, NcursesTerminal) -> (state: LiveState, saved: LiveProgram.Saved)

/// How a live screen closed: why, where the session is, and whether the screen was shared then.
struct LiveOutcome {
    var exit: LiveExit
    var saved: LiveProgram.Saved
    /// Share-safe was on: the last lines name no file (nor the candidate in its name).
    var shared: Bool
    /// The exit status when the new session's file could not be made (`Saved.unmade`).
    var unmadeStatus: Int32 = 1
}

/// The ncurses terminal, or exit 2 with what is wrong with TERM. `mouse`: clicks and the
/// wheel come as input (the live screens); replay and the mirror leave the mouse alone.
func openTerminal(theme: Theme, mouse: Bool = false) throws -> NcursesTerminal {
    do {
        return try NcursesTerminal(theme: theme, mouse: mouse)
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}
