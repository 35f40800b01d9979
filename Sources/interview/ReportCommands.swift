import ArgumentParser
import Foundation
import InterviewKit

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
        discussion: """
            Several sessions make one report, one session after another (JSON: the \
            `sessions` array), on standard output or in FILE. With `-o DIR` (an existing \
            folder, or a path ending in /) each session gets its own file in DIR, named \
            after the session file: NAME.md, NAME.html or NAME.report.json. Files are \
            written with mode 0600, only as new files or over reports interview wrote \
            before (--force for any other file), never over a session and never into \
            the sessions folder unless --force. See docs/reports.md.
            """)

    @Argument(help: "Session files.", completion: .file(extensions: ["json"]))
    var sessions: [String]

    @Option(help: "The report format.")
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
        for path in sessions {
            do {
                reports.append(SessionReport(try SessionStore.read(path), file: path))
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
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isFolder)
        if output.hasSuffix("/") || (exists && isFolder.boolValue) {
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
                throw exitWithInputError(InputError(file: target.url.path, line: 1, column: 1,
                                                    message: "is a session being reported: expected another output file"))
            }
            if !seen.insert(path).inserted {
                throw exitWithInputError(InputError(file: target.url.path, line: 1, column: 1,
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
        // Remembered, so that the next report may replace them (best effort).
        do throws(SessionStore.WriteError) {
            try store.recordReports(targets.map(\.url.path))
        } catch {
            printError("the reports are written, but not recorded in \(store.reportsWrittenFile.path) (\(error)): the next report over them needs --force")
        }
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Compare sessions: a row per session, and per question how often it was asked, ran over budget and how it was rated.",
        discussion: """
            Reads every *.json file in DIR (default: the sessions folder). A file that is \
            not a readable session is named on stderr and skipped; the exit status is then \
            1. See docs/reports.md.
            """)

    @Argument(help: "A folder of session files (default: the sessions folder).", completion: .directory)
    var folder: String?

    func run() throws {
        let url = folder.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? SessionStore.standard().folder
        let stats: SessionStats
        do {
            stats = try SessionStats.load(folder: url)
        } catch {
            if folder == nil, !FileManager.default.fileExists(atPath: url.path) {
                print("No sessions in \(url.path).")
                return
            }
            throw exitWithInputError(error)
        }
        for error in stats.skipped { printError("\(error.description) (skipped)") }
        print(stats.render(), terminator: "")
        if stats.exitCode != 0 { throw ExitCode(stats.exitCode) }
    }
}
