import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore
import InterviewImport
import InterviewReports

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn an interview-questions article (plain text copied from a web page, or Markdown) into a bank.",
        discussion: HelpExamples.discussion("""
            The bank goes to standard output, or to FILE with -o (never over an existing file unless --force). \
            The count of questions found is printed on standard error, with the questions that had no answer \
            and those that need a rubric written by a person. Review the bank before use: the rubric items are \
            derived by a program, as its front matter says. --report prints what was found, line by line, in \
            place of the bank (which still goes to FILE with -o).
            """, "import"))

    @Argument(help: "The article: a text or Markdown file, or - to read it from standard input (a paste).", completion: .file())
    var article: String

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write the bank to this file.", valueName: "file"),
            completion: .file(extensions: ["md"]))
    var output: String?

    @Option(help: ArgumentHelp("The interview's length, spread evenly over the questions.", valueName: "length"))
    var duration = "45m"

    @Flag(help: "Fail on a question without an expected answer (or with only a placeholder, like 'Answer here') instead of writing the importer's placeholder.")
    var strict = false

    @Flag(help: "Keep the difficulty marks (emoji such as 👶 or ⭐️) at the end of questions.")
    var keepMarks = false

    @Flag(help: "Print what was found, line by line: questions, sections, topics, placeholders, what was left out and why.")
    var report = false

    @Option(help: ArgumentHelp("How --report prints: text or json.", valueName: "text|json"))
    var format: ReportFormat = .text

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("Write one bank per topic (the article's topic headings) into DIR, as TOPIC.md.", valueName: "DIR"),
            completion: .directory)
    var splitByTopic: String?

    @Flag(help: "Replace the -o file if it exists.")
    var force = false

    func validate() throws {
        if splitByTopic != nil, output != nil { throw ValidationError("--split-by-topic writes its banks into DIR: leave out -o") }
        if format != .text, !report { throw ValidationError("--format applies to --report: add --report") }
    }

    func run() throws {
        let seconds = try parseDuration(duration)
        let data = try read()
        let options = ImportOptions(durationSeconds: seconds, strict: strict, keepMarks: keepMarks)
        if report {
            let found = ArticleImporter.report(bytes: Array(data), file: source, options: options)
            print(format == .json ? found.json : found.text, terminator: "")
            if let error = found.error { throw exitWithInputError(error) }
            // The bank is written only where -o says; standard output had the report.
            guard output != nil else { return }
        }
        let imported: ImportedArticle
        do {
            imported = try ArticleImporter.importArticle(bytes: Array(data), file: source, options: options)
        } catch {
            throw exitWithInputError(error)
        }
        if let splitByTopic {
            try writeSplit(imported, into: splitByTopic)
        } else if let output {
            if FileManager.default.fileExists(atPath: output), !force {
                throw exitWithInputError(InputError(file: output,
                                                    message: "already exists: expected a new file for -o (or --force to replace it)"))
            }
            if SessionStore.isRegularFile(output), ReportTarget.isSession(output) {
                throw exitWithInputError(InputError(file: output,
                                                    message: "is a session file: expected another file for the bank (a bank never replaces a session, even with --force)"))
            }
            do {
                try SessionStore.writeAtomically(Data(imported.markdown.utf8), to: URL(fileURLWithPath: output))
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
        } else if !report {
            print(imported.markdown, terminator: "")
        }
        let bank = imported.bank
        var summary = "imported \(bank.questions.count) questions (\(imported.form)) from \(source)"
        summary += output.map { " into \($0)" } ?? ""
        summary += ", \(Durations.format(bank.questions[0].timeSeconds)) each of \(Durations.format(bank.durationSeconds)); review the derived rubrics"
        for note in imported.summaryNotes { summary += "\n" + note }
        if splitByTopic == nil, let advice = imported.bigCollectionAdvice(bankName: output ?? "BANK.md") { summary += "\n" + advice }
        printError(summary)
    }
}

extension Import {
    /// One bank per topic into `folder` (made when missing); an existing bank is replaced only with --force.
    private func writeSplit(_ imported: ImportedArticle, into folder: String) throws {
        let banks = imported.splitByTopic()
        let paths = banks.map { URL(fileURLWithPath: folder).appendingPathComponent($0.file).path }
        if !force, let taken = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw exitWithInputError(InputError(file: taken,
                                                message: "already exists: expected a new file for --split-by-topic (or --force to replace it)"))
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (bank, path) in zip(banks, paths) {
                try SessionStore.writeAtomically(Data(bank.markdown.utf8), to: URL(fileURLWithPath: path))
            }
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        printError("wrote \(banks.count) banks, one per topic, into \(folder): " + banks.map(\.file).joined(separator: ", "))
    }

    /// How the article is named in messages: its path, or `stdin`.
    var source: String { article == "-" ? "stdin" : article }

    /// The most an article may hold (docs/import.md): a long page of questions is a few
    /// hundred kilobytes; what goes on past this is not one, and would be read whole.
    static let maxArticleBytes = 16 << 20

    private func read() throws -> Data {
        if article == "-" {
            guard let bytes = FileReading.readToEnd(0, limit: Self.maxArticleBytes) else {
                throw exitWithInputError(InputError(file: source, message: "cannot be read: expected an article on standard input"))
            }
            let data = Data(bytes)
            guard data.count <= Self.maxArticleBytes else {
                throw exitWithInputError(InputError(file: source,
                                                    message: "more than 16 MB on standard input: expected an article (a page of questions is far less)"))
            }
            return data
        }
        let kind = PathKind(atPath: article)
        guard kind == .file, let data = FileManager.default.contents(atPath: article) else {
            let reason = kind == .folder ? "is a folder" : kind == .file ? "cannot be read" : "no such file"
            throw exitWithInputError(InputError(file: article,
                                                message: "\(reason): expected an article to import (a text or Markdown file)"))
        }
        return data
    }
}

/// `--duration` as every command reads it.
func parseDuration(_ text: String) throws -> Int {
    guard let seconds = Durations.parse(text) else {
        throw exitWithInputError(InputError(file: "--duration",
                                            message: "bad duration '\(text)': expected a duration like 45m, 1h30m or 90s"))
    }
    return seconds
}
