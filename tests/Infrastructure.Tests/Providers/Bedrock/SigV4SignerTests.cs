using System.Net.Http.Headers;
using LlmPlatform.Infrastructure.Providers.Bedrock;

namespace LlmPlatform.Infrastructure.Tests.Providers.Bedrock;

/// <summary>The signer against AWS's published Signature Version 4 examples (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z).</summary>
public sealed class SigV4SignerTests
{
    private static readonly AwsCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset ExampleTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static string Signed(HttpMethod method, string url, string service, string? contentType = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (contentType is not null)
        {
            request.Content = new ByteArrayContent([]);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        SigV4Signer.Sign(request, [], Example, "us-east-1", service, ExampleTime);
        request.Headers.GetValues("x-amz-date").Single().Should().Be("20150830T123600Z");
        return request.Headers.GetValues("Authorization").Single();
    }

    [Test]
    public void Sign_GetVanilla_MatchesTheTestSuite() =>
        Signed(HttpMethod.Get, "https://example.amazonaws.com/", "service").Should().Be(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

    [Test]
    public void Sign_GetVanillaQueryOrderKeyCase_SortsTheQuery() =>
        Signed(HttpMethod.Get, "https://example.amazonaws.com/?Param2=value2&Param1=value1", "service").Should().EndWith(
            "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");

    [Test]
    public void Sign_PostVanilla_MatchesTheTestSuite() =>
        Signed(HttpMethod.Post, "https://example.amazonaws.com/", "service").Should().EndWith(
            "Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");

    [Test]
    public void Sign_IamListUsersExample_SignsTheContentTypeToo() =>
        Signed(HttpMethod.Get, "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08", "iam", "application/x-www-form-urlencoded; charset=utf-8")
            .Should().Be(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");

    [Test]
    public void SigningKey_IamExample_MatchesThePublishedKey() =>
        Convert.ToHexStringLower(SigV4Signer.SigningKey(Example.SecretAccessKey, "20150830", "us-east-1", "iam"))
            .Should().Be("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");

    [Test]
    public void Sign_WithSessionToken_AddsAndSignsTheToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://bedrock-runtime.eu-west-1.amazonaws.com/model/m/converse");

        SigV4Signer.Sign(request, "{}"u8, Example with { SessionToken = "session-token" }, "eu-west-1", "bedrock", ExampleTime);

        request.Headers.GetValues("x-amz-security-token").Single().Should().Be("session-token");
        request.Headers.GetValues("Authorization").Single().Should()
            .Contain("Credential=AKIDEXAMPLE/20150830/eu-west-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, ");
    }

    [Test]
    public void Sign_DifferentBody_ChangesTheSignature()
    {
        string Signature(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://bedrock-runtime.us-east-1.amazonaws.com/model/m/converse");
            SigV4Signer.Sign(request, System.Text.Encoding.UTF8.GetBytes(body), Example, "us-east-1", "bedrock", ExampleTime);
            return request.Headers.GetValues("Authorization").Single();
        }

        Signature("{\"a\":1}").Should().NotBe(Signature("{\"a\":2}"));
    }

    [Test]
    public void CanonicalPath_EncodedModelId_IsEncodedAgain() =>
        SigV4Signer.CanonicalPath("/model/anthropic.claude-v2%3A1/converse").Should().Be("/model/anthropic.claude-v2%253A1/converse");

    [Test]
    public void Encode_ReservedAndUnicode_PercentEncodesUtf8Bytes() =>
        SigV4Signer.Encode("a b/c~ሴ").Should().Be("a%20b%2Fc~%E1%88%B4");
}
