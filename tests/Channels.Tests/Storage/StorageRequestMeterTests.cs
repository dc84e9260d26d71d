using Channels.Publishing.Storage;

namespace Channels.Tests.Storage;

public class StorageRequestMeterTests
{
    [Theory]
    [InlineData("GET", "http://127.0.0.1:10002/devstoreaccount1/deliveries(PartitionKey='a',RowKey='website')", "point-read", "deliveries")]
    [InlineData("GET", "http://127.0.0.1:10002/devstoreaccount1/deliveries()?$filter=PartitionKey%20eq%20'a'", "query", "deliveries")]
    [InlineData("POST", "http://127.0.0.1:10002/devstoreaccount1/publications", "insert", "publications")]
    [InlineData("PUT", "http://127.0.0.1:10002/devstoreaccount1/deliveries(PartitionKey='a',RowKey='sms')", "replace", "deliveries")]
    [InlineData("PATCH", "http://127.0.0.1:10002/devstoreaccount1/publications(PartitionKey='a',RowKey='item')", "merge", "publications")]
    [InlineData("POST", "http://127.0.0.1:10002/devstoreaccount1/$batch", "batch", "$batch")]
    [InlineData("POST", "https://acct.table.core.windows.net/Tables", "create-table", "Tables")]
    [InlineData("GET", "https://acct.table.core.windows.net/delivered()?$filter=x", "query", "delivered")]
    public void Table_requests_are_named_by_operation_and_table(string method, string uri, string operation, string target) =>
        Assert.Equal((operation, target), StorageRequestMeter.Classify("table", method, new Uri(uri)));

    [Theory]
    [InlineData("PUT", "http://127.0.0.1:10000/devstoreaccount1/$web/items/a.html", "upload", "$web")]
    [InlineData("GET", "http://127.0.0.1:10000/devstoreaccount1/archive/listings/web-home.json", "download", "archive")]
    [InlineData("HEAD", "https://acct.blob.core.windows.net/bulletin/2017-03-01/a.html", "properties", "bulletin")]
    [InlineData("PUT", "https://acct.blob.core.windows.net/archive?restype=container", "create-container", "archive")]
    [InlineData("DELETE", "https://acct.blob.core.windows.net/$web/items/a.html", "delete", "$web")]
    public void Blob_requests_are_named_by_operation_and_container(string method, string uri, string operation, string target) =>
        Assert.Equal((operation, target), StorageRequestMeter.Classify("blob", method, new Uri(uri)));
}
