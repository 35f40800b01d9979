import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore
import InterviewReports

enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown, html, json

    var format: Scorecard.Format {
        switch self {
        case .markdown: .markdown
        case .html: .html
        case .json: .json
        }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a scorecard of saved sessions: Markdown, HTML with a chart, or JSON.",
        discussion: HelpExamples.discussion("""
            Several sessions make one report, one session after another (JSON: the \
            `sessions` array), on standard output or in FILE. With `-o DIR` (an existing \
            folder, or a path ending in /) each session gets its own file in DIR, named \
            after the session file: NAME.md, NAME.html or NAME.report.json. Files are \
            written with mode 0600, only as new files or over reports interview wrote \
            before (--force for any other file), never over a session and never into \
            the sessions folder unless --force. See docs/reports.md.
            """, "report"))

    @Argument(help: "Session files.", completion: Complete.session)
    var sessions: [String]

    @Option(help: ArgumentHelp("The report format.", valueName: "markdown|html|json"))
    var format: ReportFormat = .markdown

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Write to FILE, or one file per session into DIR (default: standard output).",
                               valueName: "file|dir"), completion: .file())
    var output: String?

    @Flag(help: "Write over a file that is not a report interview wrote, or into the sessions folder (never over a session).")
    var force = false

    func validate() throws {
        if sessions.isEmpty { throw ValidationError("name at least one session file") }
    }

    func run() throws {
        var reports: [SessionReport] = []
        var errors: [InputError] = []
        let words = EvidenceCheck.words(adding: try Defaults.config().avoidWords)
        for path in sessions {
            do {
                var report = SessionReport(try SessionStore.read(path), file: path)
                report.evidence = EvidenceCheck.warnings(report, words: words)
                reports.append(report)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else {
            for error in errors { printError(error.description) }
            throw ExitCode(2)
        }
        let format = format.format
        guard let output else {
            print(Scorecard.render(reports, as: format), terminator: "")
            return
        }

        var targets: [(url: URL, reports: [SessionReport])] = []
        if output.hasSuffix("/") || PathKind(atPath: output) == .folder {
            let folder = URL(fileURLWithPath: output, isDirectory: true)
            for report in reports {
                var name = URL(fileURLWithPath: report.file).lastPathComponent
                if name.hasSuffix(".json") { name.removeLast(5) }
                let ext = format == .json ? "report.json" : format.fileExtension
                targets.append((folder.appendingPathComponent(name + "." + ext), [report]))
            }
        } else {
            targets.append((URL(fileURLWithPath: output), reports))
        }

        // Never write over a session being reported, nor two reports to one file.
        let inputs = Set(sessions.map(Self.canonical))
        var seen: Set<String> = []
        for target in targets {
            let path = Self.canonical(target.url.path)
            if inputs.contains(path) {
                throw exitWithInputError(InputError(file: target.url.path,
                                                    message: "is a session being reported: expected another output file"))
            }
            if !seen.insert(path).inserted {
                throw exitWithInputError(InputError(file: target.url.path,
                                                    message: "two sessions have this report file (same file name in two folders): expected one -o DIR per folder"))
            }
        }
        // Only new files or the program's own reports (or anything but a session with --force).
        let store = SessionStore.standard()
        let refusals = targets.compactMap { ReportTarget.refusal($0.url, store: store, force: force) }
        guard refusals.isEmpty else {
            for refusal in refusals { printError(refusal.description) }
            throw ExitCode(2)
        }

        for target in targets {
            do {
                try SessionStore.writeAtomically(Data(Scorecard.render(target.reports, as: format).utf8), to: target.url)
            } catch {
                printError("cannot write the report: \(error)")
                throw ExitCode(1)
            }
            print(target.url.path)
        }
        // Recorded, so that the privacy commands find them and the next report may replace them.
        do throws(SessionStore.WriteError) {
            try store.recordReports(targets.map(\.url.path))
        } catch {
            printError("the reports are written, but not recorded in \(store.reportsWrittenFile.path) (\(error)): "
                       + "`forget`, `purge` and `anonymize` will not find them, and the next report over them needs --force")
            throw ExitCode(1)
        }
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Compare sessions: a row per session, per interviewer, and per question how often it was asked, ran over budget, how it was rated and each rubric item ticked.",
        discussion: HelpExamples.discussion("""
            Reads every *.json file in DIR (default: the sessions folder). A file that is \
            not a readable session is named on stderr and skipped; the exit status is then \
            1. Sessions in which nothing was recorded (no note, tick, rating or \
            recommendation) are left out and counted apart. Filters: every one given must \
            hold; dates are days (UTC), both ends included. See docs/reports.md.
            """, "stats"))

    @Argument(help: "A folder of session files (default: the sessions folder).", completion: .directory)
    var folder: String?

    @Option(help: ArgumentHelp("The output format.", valueName: "table|csv|json"))
    var format: StatsFormatOption = .table

    @Flag(help: "The table lists every rubric item's hit rate; the CSV has a row per question instead of per session.")
    var questions = false

    @Flag(help: "Only the calibration of panel interviews (docs/panel.md): its section of the table, or a CSV row per interviewer, pair and shadow.")
    var calibration = false

    @Option(help: ArgumentHelp("Only sessions of this bank: its title, its name or its file.", valueName: "bank"),
            completion: Complete.bank)
    var bank: String?

    @Option(help: ArgumentHelp("Only this interviewer's sessions (the name, or whole words of it).", valueName: "name"),
            completion: Complete.interviewer)
    var interviewer: String?

    @Option(help: ArgumentHelp("Only this candidate's sessions (the name, or whole words of it).", valueName: "name"),
            completion: Complete.candidate)
    var candidate: String?

    @Option(help: ArgumentHelp("Only sessions started on this day (UTC) or later: YYYY-MM-DD, or today, yesterday, 7d (days ago), 2w (weeks ago).", valueName: "day"))
    var since: String?

    @Option(help: ArgumentHelp("Only sessions started on this day (UTC) or earlier (as --since).", valueName: "day"))
    var until: String?

    @Option(help: ArgumentHelp("Only live or only practice sessions.", valueName: "live|practice"))
    var mode: StatsModeOption?

    @Flag(help: "Read every session file, not the index (docs/index.md).")
    var noIndex = false

    func validate() throws {
        if calibration, questions { throw ValidationError("--calibration and --questions are two different tables: give one") }
        if calibration, format == .json { throw ValidationError("--calibration is for the table and CSV: the JSON always has its \"calibration\" key") }
    }

    func run() throws {
        let filter: StatsFilter
        do {
            filter = try StatsFilter(bank: bank, interviewer: interviewer, candidate: candidate, since: since, until: until,
                                     mode: mode?.mode)
        } catch {
            throw exitWithInputError(error)
        }
        let url = folder.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? SessionStore.standard().folder
        let stats: SessionStats
        do {
            stats = try noIndex ? SessionStats.load(folder: url, filter: filter) : IndexedStats.load(folder: url, filter: filter)
        } catch {
            if folder == nil, !FileManager.default.fileExists(atPath: url.path) {
                // No sessions folder yet: nothing to count, in the format asked for.
                let empty = SessionStats(folder: url.path, sessions: [], skipped: [], filter: filter)
                print(calibration ? empty.calibrationOnly(format.format) : empty.render(format.format, questions: questions), terminator: "")
                return
            }
            throw exitWithInputError(error)
        }
        for error in stats.skipped { printError("\(error.description) (skipped)") }
        print(calibration ? stats.calibrationOnly(format.format) : stats.render(format.format, questions: questions), terminator: "")
        if stats.exitCode != 0 { throw ExitCode(stats.exitCode) }
    }
}

enum StatsFormatOption: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json

    var format: SessionStats.Format { SessionStats.Format(rawValue: rawValue) ?? .table }
}

enum StatsModeOption: String, CaseIterable, ExpressibleByArgument {
    case live, practice

    var mode: SessionMode { self == .live ? .live : .practice }
}
