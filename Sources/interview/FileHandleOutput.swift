import Foundation
import InterviewCore

enum FileHandleOutput {
    /// Messages quote paths, titles and names that can hold escape sequences: each
    /// line is shown with visible marks, never as it is.
    static func stderr(_ text: String) {
        FileHandle.standardError.write(Data(VisibleText.visibleLines(text).utf8))
    }
}
