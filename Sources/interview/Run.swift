import ArgumentParser
import Foundation
import InterviewKit
import InterviewTerminal
import InterviewTUI

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Conduct a live interview (the default command).",
                                                    discussion: HelpExamples.discussion("", "run"))

    @Argument(help: "A bank file or a bank's name (see `interview banks`; default: config.toml's bank, else machine-learning).",
              completion: Complete.bank)
    var bank: String?

    @Option(help: ArgumentHelp("The candidate's name, for the session file.", valueName: "name"))
    var candidate: String = ""

    @Option(help: ArgumentHelp("Your name, for the session file (default: config.toml's interviewer, else $USER).", valueName: "name"))
    var interviewer: String?

    // `--out` is the name it had first: scripts keep working.
    @Option(name: [.customShort("o"), .customLong("output"), .customLong("out")],
            help: ArgumentHelp("Save the session to this new file (default: a new file in the sessions folder).", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var out: String?

    @Flag(help: "Start in share-safe mode: only the prompt and the clocks on screen.")
    var share = false

    @Option(help: ArgumentHelp("The planned length of the interview, e.g. 45m or 1h30m (default: config.toml's duration, else the bank's).",
                               valueName: "length"))
    var duration: String?

    @Option(help: ArgumentHelp("The questions to ask, by bank number, in this order (the others stay reachable from the list as extras).",
                               valueName: "2,5,7-9"))
    var questions: String?

    @Option(help: ArgumentHelp("Ask the questions with one of these tags.", valueName: "T,..."))
    var tags: String?

    @Option(help: ArgumentHelp("Which clocks the candidate's screens (share-safe, mirror) show.", valueName: "none|question|both"))
    var candidateClock: CandidateClock = .question

    @OptionGroup var look: ThemeOption

    func run() throws {
        let (bank, interviewer, durationSeconds) = try Defaults.live(bank: self.bank, interviewer: self.interviewer, duration: duration)
        let theme = try look.resolve()
        let store = SessionStore.standard()
        let startedAt = Date()
        let out = self.out.map { URL(fileURLWithPath: $0) }
        if let out, FileManager.default.fileExists(atPath: out.path) { throw Self.exists(out) }
        let plan: [Int]?
        do {
            plan = try InterviewPlan.make(questions: questions, tags: tags, bank: bank)
        } catch {
            throw exitWithInputError(error)
        }
        // Not the file's name (another candidate's), and nothing at all on a shared screen.
        var notice = InterviewPlan.fit(plan, bank: bank, durationSeconds: durationSeconds ?? bank.durationSeconds)
        if notice == nil, !share, store.newestUnfinished() != nil {
            notice = "An unfinished interview is waiting: `interview resume` lists it"
        }
        if share { notice = nil }
        var engine = SessionEngine(bank: bank, id: UUID().uuidString.lowercased(), candidate: candidate,
                                   interviewer: interviewer, startedAt: startedAt, durationSeconds: durationSeconds, plan: plan,
                                   candidateClock: candidateClock.rawValue)
        if share { engine.perform(.setShareSafe(true), at: 0) }
        try requireTerminal()
        if !share, let line = RetentionNotice.line(store: store) { print(line) }
        let url: URL
        if let out {
            do throws(SessionStore.CreateError) {
                try SessionStore.createExclusively(out)
            } catch {
                guard case .failed(let failure) = error else { throw Self.exists(out) }
                printError(failure.description)
                throw ExitCode(1)
            }
            url = out
            // Remembered, so that `resume` offers it (best effort: the interview goes on without).
            try? store.remember(out.path)
        } else {
            url = try newSessionFile(store, for: engine, candidate: candidate, startedAt: startedAt)
        }
        let exit = try runLive(engine: engine, clock: SessionClock(SystemClock()), path: url.path, theme: theme, notice: notice,
                               created: true)
        try report(exit, path: url.path)
    }

    static func exists(_ url: URL) -> ExitCode {
        exitWithInputError(InputError(file: url.path, line: 1, column: 1,
                                      message: "already exists: expected a new file for -o/--output (use `interview resume \(url.path)` to continue it)"))
    }
}

/// A new session file in the sessions folder, or exit 1 saying why there can be none.
func newSessionFile(_ store: SessionStore, candidate: String, startedAt: Date) throws -> URL {
    do {
        return try store.createNewFile(candidate: candidate, startedAt: startedAt)
    } catch {
        printError(error.description)
        throw ExitCode(1)
    }
}

/// Runs the live (or practice) screen on the terminal, holding the session's lock for
/// as long as it runs: one program writes a session at a time.
/// `created`: the file was made empty for this session, and goes if the screen cannot start.
func runLive(engine: SessionEngine, clock: SessionClock, path: String, theme: Theme, notice: String? = nil,
             practice: Bool = false, created: Bool = false) throws -> (LiveExit, LiveProgram.Saved) {
    func removeCreated() {
        if created { unlink(path) }
    }
    if let notice = SessionStore.standard().tightenFolder() { printError(notice) }
    let lock: SessionLock
    do {
        try SessionStore.createFolder(URL(fileURLWithPath: path).deletingLastPathComponent())
        lock = try SessionLock(session: path)
    } catch {
        printError("\(error)")
        removeCreated()
        throw ExitCode(2)
    }
    defer { lock.release() }
    let terminal: NcursesTerminal
    do {
        terminal = try openTerminal(theme: theme)
    } catch {
        removeCreated()
        throw error
    }
    defer { terminal.close() }
    let outcome = LiveProgram.run(engine: engine, clock: clock, saver: SessionSaver(url: URL(fileURLWithPath: path)),
                                  terminal: terminal, notice: notice, practice: practice)
    return (outcome.state.exit ?? .leftForLater, outcome.saved)
}

/// The ncurses terminal, or exit 2 with what is wrong with TERM.
func openTerminal(theme: Theme) throws -> NcursesTerminal {
    do {
        return try NcursesTerminal(theme: theme)
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}

/// Says where the session went, and how to go on with it.
func report(_ outcome: (LiveExit, LiveProgram.Saved), path: String) throws {
    let (exit, saved) = outcome
    let shown = VisibleText.visible(path)
    switch saved {
    case .saved: break
    case .rescued(let rescue, let reason):
        let copy = VisibleText.visible(rescue)
        printError("the session could NOT be saved to \(shown) (\(reason)); it was written to \(copy) instead.\nMove it back when the disk takes it: mv \(copy) \(shown)")
        throw ExitCode(1)
    case .lost(let reason):
        printError("the session is NOT on disk: neither \(shown) nor a rescue copy in the home or temporary folder could be written (\(reason))")
        throw ExitCode(1)
    }
    switch exit {
    case .discarded:
        do {
            try SessionStore.delete(path)
        } catch {
            printError("the interview was discarded, but its file could not be deleted: \(error.description)")
            throw ExitCode(1)
        }
        try? SessionStore.standard().remember(path, false)
        print("Interview discarded: \(shown) deleted, nothing kept.")
    case .completed:
        print("Interview completed. Saved to \(VisibleText.visible(path))")
    case .leftForLater:
        print("Interview left for later. Saved to \(VisibleText.visible(path))\nResume it with: interview resume \(VisibleText.visible(path))")
    case .signal(let number):
        printError("stopped by signal \(number); the session is saved to \(path)\nResume it with: interview resume \(path)")
        throw ExitCode(1)
    }
}

/// `--candidate-clock`.
enum CandidateClock: String, CaseIterable, ExpressibleByArgument {
    case none, question, both
}
