using LlmPlatform.Application.Gateway.PassThrough;

namespace LlmPlatform.Application.Tests.Gateway.PassThrough;

public sealed class PassThroughPathTests
{
    [TestCase("chat/completions")]
    [TestCase("v1beta/models/gemini-pro:generateContent")]
    [TestCase("v2/rerank")]
    [TestCase("files/file-abc%20x/content")]
    public void IsSafe_WhenThePathStaysBelowTheBase_IsTrue(string path) =>
        PassThroughPath.IsSafe(path).Should().BeTrue();

    [TestCase("")]
    [TestCase("../admin")]
    [TestCase("chat/../../admin")]
    [TestCase("./x")]
    [TestCase("%2e%2e/admin")]
    [TestCase("%2E%2E/admin")]
    [TestCase("..%2Fadmin")]
    [TestCase("a%2fb")]
    [TestCase("a%5Cb")]
    [TestCase("a\\b")]
    [TestCase("/evil.example/x")]
    [TestCase("a//b")]
    [TestCase("a/\n/b")]
    public void IsSafe_WhenThePathCouldLeaveTheBase_IsFalse(string path) =>
        PassThroughPath.IsSafe(path).Should().BeFalse();
}
