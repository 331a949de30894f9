using System.Text.RegularExpressions;

namespace PushInventory.Connectors.Tests;

public sealed partial class LoggingTests(SandboxFixture sandbox)
{
    private SandboxDriver Driver => sandbox.Driver;

    [Fact]
    public async Task PushAsync_AllMarketplacesWithFailures_LogsNoSecretTokenOrSignature()
    {
        var logs = new LogCapture();
        await using var host = new ConnectorHost(logs);
        var shopee = await Driver.RegisterShopeeAsync();
        var lazada = await Driver.RegisterLazadaAsync();
        var tiktok = await Driver.RegisterTikTokShopAsync();
        var wrongSecret = await Driver.RegisterTikTokShopAsync(storeAppSecret: "wrong-secret-value");
        var stores = new[] { shopee, lazada, tiktok, wrongSecret };
        await Driver.SetFaultsAsync(lazada, new { serverErrorShare = 1.0 });

        var results = await Task.WhenAll(
            host.PushAsync(shopee, [Updates.Shopee(Updates.BaseId, 1, 5, new PreOrderSetting(true, 10))]),
            host.PushAsync(lazada, [Updates.Lazada(1, 2, 3)]),
            host.PushAsync(tiktok, [Updates.TikTok(Updates.BaseId, Updates.BaseId + 1, 4)]),
            host.PushAsync(wrongSecret, [Updates.TikTok(Updates.BaseId, Updates.BaseId + 1, 4)]));

        results[0].Single().Succeeded.ShouldBeTrue();
        results[1].Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        results[3].Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
        var text = string.Join('\n', logs.Lines);
        // The capture saw the calls (HTTP client logs at every level, and the connectors' warnings).
        text.ShouldContain("System.Net.Http.HttpClient.PushInventory.Connectors");
        text.ShouldContain("/api/v2/product/update_stock");
        text.ShouldContain("/product/stock/sellable/update");
        text.ShouldContain("ServiceUnavailable");
        foreach (var secret in stores.SelectMany(s => new[] { s.Credentials.PartnerKey, s.Credentials.AppSecret, s.Credentials.AccessToken }))
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text.ShouldNotContain(secret);
            }
        }

        // Every signature of the three marketplaces is 64 hex digits.
        Signature().Matches(text).Select(m => m.Value).ShouldBeEmpty();
        text.ShouldNotContain("sign=");
    }

    [GeneratedRegex("[0-9a-fA-F]{64}")]
    private static partial Regex Signature();
}
