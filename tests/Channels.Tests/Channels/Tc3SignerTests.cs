using Channels.Publishing.Channels.Sms;

namespace Channels.Tests.Channels;

public class Tc3SignerTests
{
    // Expected value computed independently with openssl (sha256 / HMAC chain of contract reference §3.2).
    [Fact]
    public void Authorization_FixedVector_MatchesIndependentComputation()
    {
        const string payload = "{\"PhoneNumberSet\":[\"+8613800000001\"],\"SmsSdkAppId\":\"1400000001\",\"SignName\":\"芙蓉区政务公开\",\"TemplateId\":\"2000001\"" +
            ",\"TemplateParamSet\":[\"测试\"],\"SessionContext\":\"demo#0\"}";
        var header = Tc3Signer.Authorization("AKIDexample", "secretKeyExample", "sms", "sms.tencentcloudapi.com", 1551113065, payload);
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDexample/2019-02-25/sms/tc3_request, SignedHeaders=content-type;host, " +
            "Signature=e9fca73ad74cd169a357b5b5ae1c133cef34ff73a5897e184f191477bd6c89aa",
            header);
    }

    [Fact]
    public void Authorization_PayloadChanged_SignatureChanges() =>
        Assert.NotEqual(
            Tc3Signer.Authorization("id", "key", "sms", "h", 1, "{}"),
            Tc3Signer.Authorization("id", "key", "sms", "h", 1, "{ }"));
}
