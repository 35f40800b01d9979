import Foundation
import Testing

/// `interview import` as a person uses it: an article in, a bank out that `validate`
/// accepts and `run` opens; bad articles stop with FILE:LINE:COL and write nothing.
@Suite("Import", .serialized)
struct ImportCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../InterviewKitTests/Fixtures/Import").standardized

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    @Test func anImportedArticleValidates() throws {
        let scratch = try CLITests.Scratch()
        let bank = scratch.url.appendingPathComponent("sql.md").path
        let imported = try Binary.run(["import", fixture("q-dot-web.txt"), "-o", bank, "--duration", "50m"],
                                      environment: scratch.environment)
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        #expect(imported.stdout.isEmpty, "the bank went to the file")
        #expect(imported.stderr.contains("imported 5 questions (numbered like Q1.)"), "\(imported.stderr)")
        #expect(imported.stderr.contains("10m each of 50m"))
        let validated = try Binary.run(["validate", bank], environment: scratch.environment)
        #expect(validated.status == 0, "stderr: \(validated.stderr)")
        #expect(validated.stdout.contains("5 SQL Interview Questions for Hiring Database Engineers: 5 questions, 50m of question time"))
    }

    @Test func withoutOutputTheBankGoesToStandardOutput() throws {
        let scratch = try CLITests.Scratch()
        let result = try Binary.run(["import", fixture("markdown-headings.md")], environment: scratch.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("---\n# Imported by `interview import`"))
        #expect(result.stdout.contains("\n## How does CORS work?\n"))
        #expect(result.stdout.contains("\n### Rubric\n- [ ] "))
    }

    @Test func aBrokenArticleStopsAtItsLineAndWritesNothing() throws {
        let scratch = try CLITests.Scratch()
        let bank = scratch.url.appendingPathComponent("gap.md").path
        let result = try Binary.run(["import", fixture("gap.txt"), "-o", bank], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("interview: \(fixture("gap.txt")):41:1: question numbering jumps from 2 to 4"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bank))
    }

    @Test func strictRefusesAQuestionWithoutAnAnswer() throws {
        let scratch = try CLITests.Scratch()
        let lenient = try Binary.run(["import", fixture("no-answer.txt")], environment: scratch.environment)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("1 question had no answer in the article (line 24)"), "\(lenient.stderr)")
        let strict = try Binary.run(["import", fixture("no-answer.txt"), "--strict"], environment: scratch.environment)
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("no-answer.txt:24:1: question 2"), "\(strict.stderr)")
    }

    @Test func anExistingBankIsNotReplacedWithoutForce() throws {
        let scratch = try CLITests.Scratch()
        let bank = try scratch.write("mine.md", "my own bank\n")
        let refused = try Binary.run(["import", fixture("paren.txt"), "-o", bank], environment: scratch.environment)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: bank, encoding: .utf8) == "my own bank\n")
        let forced = try Binary.run(["import", fixture("paren.txt"), "-o", bank, "--force"], environment: scratch.environment)
        #expect(forced.status == 0, "stderr: \(forced.stderr)")
        #expect(try String(contentsOfFile: bank, encoding: .utf8).contains("## How would you roll back a Deployment after a bad release?"))
    }

    @Test func aPasteOnStandardInputIsAnArticleToo() throws {
        let scratch = try CLITests.Scratch()
        let article = "Three questions\n\nQ1. First?\nAnswer: one.\n\nQ2. Second?\nAnswer: two.\n\nQ3. Third?\nAnswer: three.\n"
        let result = try Binary.run(["import", "-", "--duration", "15m"], environment: scratch.environment, input: article)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("imported 3 questions (numbered like Q1.) from stdin, 5m each of 15m"), "\(result.stderr)")
        #expect(result.stdout.contains("## Second?\ntime: 5m\n"))
    }

    @Test func aMissingArticleIsAClearError() throws {
        let scratch = try CLITests.Scratch()
        let result = try Binary.run(["import", "no/such/article.txt"], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(result.stderr == "interview: no/such/article.txt: no such file: expected an article to import (a text or Markdown file)\n")
    }

    @Test func reportPrintsWhatWasFoundInPlaceOfTheBank() throws {
        let scratch = try CLITests.Scratch()
        let result = try Binary.run(["import", "--report", fixture("collection-bold.md")], environment: scratch.environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("collection-bold.md: 104 questions, one bold line per question\n"), "\(result.stdout.prefix(200))")
        #expect(result.stdout.contains("\n  1. line 28: What is the difference between a population and a sample?  [marks 👶]  [topic Statistics]\n"))
        #expect(result.stdout.contains("placeholder answers (imported as no answer): 13, at lines 52,"))
        #expect(!result.stdout.contains("### Rubric"), "no bank on standard output")
        let bank = scratch.url.appendingPathComponent("ds.md").path
        let both = try Binary.run(["import", "--report", fixture("collection-bold.md"), "-o", bank], environment: scratch.environment)
        #expect(both.status == 0 && both.stdout.contains("questions:"), "stderr: \(both.stderr)")
        #expect(both.stderr.contains("13 questions had no answer but a placeholder in the article (lines 52 'Answer here'"))
        #expect(both.stderr.contains("questions need a rubric written by a person"))
        let validated = try Binary.run(["validate", bank], environment: scratch.environment)
        #expect(validated.status == 0, "stderr: \(validated.stderr)")
    }

    @Test func reportSaysWhyNothingWasImported() throws {
        let scratch = try CLITests.Scratch()
        let result = try Binary.run(["import", "--report", fixture("gap.txt")], environment: scratch.environment)
        #expect(result.status == 2)
        #expect(result.stdout.contains("gap.txt: nothing imported: "), "\(result.stdout)")
        #expect(result.stdout.contains("forms found: numbered 2,"))
        #expect(result.stderr.contains("gap.txt:41:1: question numbering jumps from 2 to 4"))
    }

    @Test func keepMarksKeepsTheDifficultyEmoji() throws {
        let scratch = try CLITests.Scratch()
        let plain = try Binary.run(["import", fixture("collection-bold.md")], environment: scratch.environment)
        #expect(plain.stdout.contains("\n## What is a p-value?\n"))
        let kept = try Binary.run(["import", "--keep-marks", fixture("collection-bold.md")], environment: scratch.environment)
        #expect(kept.status == 0, "stderr: \(kept.stderr)")
        #expect(kept.stdout.contains("\n## What is a p-value? \u{200D}⭐️\n"))
    }

    @Test func strictRefusesAPlaceholderAnswer() throws {
        let scratch = try CLITests.Scratch()
        let strict = try Binary.run(["import", fixture("collection-bold.md"), "--strict"], environment: scratch.environment)
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("collection-bold.md:52:1: question 5 ('What is a confidence interval?') has only a placeholder for its answer ('Answer here')"),
                "\(strict.stderr)")
    }
}
