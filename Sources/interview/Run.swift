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
import InterviewPrivacy
import InterviewTerminal
import InterviewTUI

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Conduct a live interview (the default command).",
                                                    discussion: HelpExamples.discussion("", "run"))

    @Argument(help: "A bank file or a bank's name (see `interview banks`; default: config.toml's bank, else machine-learning).",
              completion: Complete.bank)
    var bank: String?

    @Option(help: ArgumentHelp("The candidate's name, for the session file.", valueName: "name"), completion: Complete.candidate)
    var candidate: String = ""

    @Option(help: ArgumentHelp("Your name, for the session file (default: config.toml's interviewer, else $USER).", valueName: "name"),
            completion: Complete.interviewer)
    var interviewer: String?

    // `--out` is the name it had first: scripts keep working.
    @Option(name: [.customShort("o"), .customLong("output"), .customLong("out")],
            help: ArgumentHelp("Save the session to this new file (default: a new file in the sessions folder).", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var out: String?

    @Flag(help: "Start in share-safe mode: only the prompt and the clocks on screen.")
    var share = false

    @Flag(help: "Start the interview at once, without the start screen (its clocks start now).")
    var now = false

    @Option(help: ArgumentHelp("The planned length of the interview, e.g. 45m or 1h30m (default: config.toml's duration, else the bank's).",
                               valueName: "length"))
    var duration: String?

    @Option(help: ArgumentHelp("The questions to ask, by bank number, in this order (the others stay reachable from the list as extras).",
                               valueName: "2,5,7-9"))
    var questions: String?

    @Option(help: ArgumentHelp("Ask the questions with one of these tags.", valueName: "T,..."), completion: Complete.tags)
    var tags: String?

    @Option(help: ArgumentHelp("Which clocks the candidate's screens (share-safe, mirror) show.", valueName: "none|question|both"))
    var candidateClock: CandidateClock = .question

    @OptionGroup var look: ThemeOption
    @OptionGroup var pointer: MouseOption

    func run() throws {
        let config = try Defaults.config()
        // The bank is read and parsed on the other core while this one asks the terminal its
        // background (a round trip: tens of milliseconds over ssh) and reads the theme. Their
        // problems are said in the order they always were: the bank's, the duration's, the theme's.
        let given = self.bank
        let loading = Pending { Defaults.loadBank(given, config: config) }
        let theming = look.theme(config: config)
        let bank = try loading.wait().valueOrExit()
        let interviewer = config.interviewer(given: self.interviewer)
        let durationSeconds = config.durationSeconds(given: try duration.map(parseDuration))
        let theme = try theming.valueOrExit()
        let store = SessionStore.standard()
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
        if notice == nil, !share, IndexedListings.newestUnfinished(store) != nil {
            notice = "An unfinished interview is waiting: `interview resume` lists it"
        }
        if share { notice = nil }
        let setup = InterviewSetup(bank: bank, interviewer: interviewer, durationSeconds: durationSeconds, plan: plan,
                                   candidateClock: candidateClock.rawValue, shareSafe: share)
        try requireTerminal()
        if !share, let line = RetentionNotice.line(store: store) { print(line) }
        var candidate = self.candidate
        var terminal: NcursesTerminal?
        defer { terminal?.close() }
        if !now {
            // The start screen writes nothing: the session, its file and its clocks begin at Enter.
            let opened = try openTerminal(theme: theme, mouse: pointer.mouse(config: config))
            terminal = opened
            let lobby = LobbyState(setup: setup, candidate: candidate, notice: notice, theme: theme.name, size: opened.size)
            guard case .start(let name) = LobbyProgram.run(lobby, terminal: opened, clock: SystemClock()) else {
                opened.close()
                print("No interview started: nothing was written.")
                return
            }
            candidate = name
            notice = nil
        }
        let (startedAt, id, named) = (Date(), UUID().uuidString.lowercased(), candidate)
        // The session (its questions copied as Markdown) is made on the other core while the terminal opens.
        let building = Pending { setup.engine(id: id, candidate: named, startedAt: startedAt) }
        if terminal == nil { terminal = try openTerminal(theme: theme, mouse: pointer.mouse(config: config)) }
        let engine = building.wait()
        // The file is made once the first frame is up, and before the first key is read.
        try runLive(engine: engine, clock: SessionClock(SystemClock()),
                    file: .new { try Self.makeFile(out, store: store, config: config, for: engine, startedAt: startedAt) },
                    theme: theme, mouse: pointer.mouse(config: config), notice: notice, remember: out != nil, terminal: terminal)
    }

    /// The new, empty file a live session is saved in: `out`, created only if it is not
    /// there, else a new file in the sessions folder; or what stops it being made.
    static func makeFile(_ out: URL?, store: SessionStore, config: Config, for engine: SessionEngine, startedAt: Date) throws -> URL {
        guard let out else { return try makeSessionFile(store, config: config, for: engine, candidate: engine.file.candidate, startedAt: startedAt) }
        do throws(SessionStore.CreateError) {
            try SessionStore.createExclusively(out)
        } catch {
            guard case .failed(let failure) = error else { throw existing(out) }
            throw failure
        }
        return out
    }

    /// The same, made before the screen (a panel member's), or exit saying why not: 2 for
    /// a file that is there, 1 for one that cannot be made.
    static func createFile(_ out: URL?, store: SessionStore, config: Config, for engine: SessionEngine, startedAt: Date) throws -> URL {
        do {
            return try makeFile(out, store: store, config: config, for: engine, startedAt: startedAt)
        } catch let error as InputError {
            throw exitWithInputError(error)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }

    static func exists(_ url: URL) -> ExitCode { exitWithInputError(existing(url)) }

    private static func existing(_ url: URL) -> InputError {
        InputError(file: url.path, message: "already exists: expected a new file for -o/--output (use `interview resume \(url.path)` to continue it)")
    }
}

/// Says where the session went, and how to go on with it.
/// On a shared screen the lines name no file, unless something went wrong with it.
func report(_ outcome: LiveOutcome, path: String) throws {
    let (exit, saved) = (outcome.exit, outcome.saved)
    let shown = VisibleText.visible(path)
    switch saved {
    case .saved: break
    case .rescued(let rescue, let reason):
        let copy = VisibleText.visible(rescue)
        printError("the session could NOT be saved to \(shown) (\(reason)); it was written to \(copy) instead.\n"
                   + "Go on with it when the disk takes it: interview resume \(copy) (it is saved back to its own file, then removed)")
        throw ExitCode(1)
    case .lost(let reason):
        printError("the session is NOT on disk: neither \(shown) nor a rescue copy in the home or temporary folder could be written (\(reason))")
        throw ExitCode(1)
    case .unmade(let reason):
        printError("no interview started, nothing was written: \(reason)")
        throw ExitCode(outcome.unmadeStatus)
    }
    switch exit {
    case .discarded:
        do {
            try SessionStore.delete(path)
        } catch {
            printError("the interview was discarded, but its file could not be deleted: \(error.description)")
            throw ExitCode(1)
        }
        var failed = Erasure.Failures()
        failed.eraseFromIndex([path])
        failed.say()
        if failed.any { throw ExitCode(1) }
        print(outcome.shared ? "Interview discarded: nothing kept." : "Interview discarded: \(shown) deleted, nothing kept.")
        let store = SessionStore.standard()
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard store.knownPaths().contains(absolute) else { return }
        do throws(SessionStore.WriteError) {
            try store.remember(path, false)
        } catch {
            printError("\(store.knownFile.path) still names the deleted file: \(error)")
            throw ExitCode(1)
        }
    case .completed where outcome.shared:
        print("Interview completed and saved.")
    case .completed:
        print("Interview completed. Saved to \(VisibleText.visible(path))")
    case .leftForLater where outcome.shared:
        print("Interview left for later and saved: `interview resume` lists it.")
    case .leftForLater:
        print("Interview left for later. Saved to \(VisibleText.visible(path))\nResume it with: interview resume \(VisibleText.visible(path))")
    case .signal(let number) where outcome.shared:
        printError("stopped by signal \(number); the session is saved: `interview resume` lists it")
        throw ExitCode(1)
    case .signal(let number):
        printError("stopped by signal \(number); the session is saved to \(path)\nResume it with: interview resume \(path)")
        throw ExitCode(1)
    }
}

/// `--candidate-clock`.
enum CandidateClock: String, CaseIterable, ExpressibleByArgument {
    case none, question, both
}
