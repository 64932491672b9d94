using System.Text;
using LlmPlatform.Application.Jobs.Files;

namespace LlmPlatform.Application.Tests.Jobs;

/// <summary>The batch JSONL check that runs while an upload streams.</summary>
public sealed class BatchLineValidatorTests
{
    private const string Good = """{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[]}}""";

    private static string? Check(string content, int chunk = 7, long maxLineBytes = 1024)
    {
        var validator = new BatchLineValidator(maxLineBytes);
        var bytes = Encoding.UTF8.GetBytes(content);
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            validator.Append(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        }

        validator.Complete();
        return validator.Problem;
    }

    [Test]
    public void Check_WithValidLinesSplitAcrossReads_FindsNoProblem() =>
        Check(Good + "\r\n" + Good.Replace("\"a\"", "\"b\"", StringComparison.Ordinal) + "\n\n").Should().BeNull();

    [Test]
    public void Check_WithALastLineWithoutNewline_ChecksIt() =>
        Check(Good + "\n{\"custom_id\":\"b\"}").Should().StartWith("Line 2 ");

    [TestCase("""{"custom_id":"b","method":"GET","url":"/v1/chat/completions","body":{"model":"m"}}""", "method")]
    [TestCase("""{"custom_id":"b","method":"POST","url":"/v1/audio","body":{"model":"m"}}""", "url")]
    [TestCase("""{"custom_id":"b","method":"POST","url":"/v1/embeddings","body":{}}""", "body.model")]
    [TestCase("""{"custom_id":"a","method":"POST","url":"/v1/embeddings","body":{"model":"m"}}""", "repeats custom_id")]
    [TestCase("""{"custom_id":"b\u0000","method":"POST","url":"/v1/embeddings","body":{"model":"m"}}""", "U+0000")]
    [TestCase("""{"custom_id":"b\ud800","method":"POST","url":"/v1/embeddings","body":{"model":"m"}}""", "custom_id")]
    [TestCase("""{"custom_id":"b","method":"POST","url":"/v1/embeddings\ud800","body":{"model":"m"}}""", "url")]
    [TestCase("""{"custom_id":"b","method":"POST","url":"/v1/embeddings","body":{"model":"\udc00"}}""", "body.model")]
    [TestCase("""not json""", "JSON")]
    [TestCase("""[1,2]""", "JSON object")]
    public void Check_WithABadSecondLine_NamesLineTwo(string line, string mentions) =>
        Check(Good + "\n" + line + "\n" + Good).Should().StartWith("Line 2 ").And.Contain(mentions);

    [Test]
    public void Check_WithALineLongerThanTheLargestRequest_NamesItWithoutBufferingIt() =>
        Check(Good + "\n" + new string('x', 5000) + "\n" + Good, chunk: 100, maxLineBytes: Good.Length)
            .Should().StartWith("Line 2 ").And.Contain($"longer than {Good.Length} bytes");

    [Test]
    public void Check_WithALineExactlyAtTheLimit_AcceptsIt() =>
        Check(Good + "\n", maxLineBytes: Good.Length).Should().BeNull();

    [Test]
    public void Check_WithNoRequests_IsAProblem() => Check("\n \n").Should().Contain("no requests");
}
