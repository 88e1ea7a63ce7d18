// Command capture starts an in-process vcsim (govmomi vSphere simulator, VPX
// model), sends hand-written SOAP 1.1 requests to it with net/http and writes
// every raw response body byte-for-byte to a file in the output directory.
// The files are test data for the EsxSdk XML deserializer.
//
// Build (GOPATH mode, Debian package golang-github-vmware-govmomi-dev):
//
//	GOPATH=/usr/share/gocode GO111MODULE=off go build -o /tmp/vcsim-capture .
package main

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/vmware/govmomi/simulator"
)

const (
	simUser     = "captureuser"
	simPassword = "capture-pass"
	soapAction  = "urn:vim25/7.0"
)

func fatalf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "capture: "+format+"\n", args...)
	os.Exit(1)
}

// defaultOut returns ../../data/vcsim relative to the directory of this
// source file (tests/vcsim/capture), falling back to the working directory.
func defaultOut() string {
	if _, file, _, ok := runtime.Caller(0); ok {
		if _, err := os.Stat(file); err == nil {
			return filepath.Clean(filepath.Join(filepath.Dir(file), "..", "..", "data", "vcsim"))
		}
	}
	return filepath.Join("..", "..", "data", "vcsim")
}

// ---------------------------------------------------------------------------
// SOAP client

type soapClient struct {
	url    string
	http   *http.Client
	outDir string
}

func envelope(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"` +
		` xmlns:xsd="http://www.w3.org/2001/XMLSchema"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<soapenv:Body>` + body + `</soapenv:Body></soapenv:Envelope>`
}

// call POSTs the SOAP body, saves the raw response to file (if non-empty) and
// returns the raw bytes. If wantFault is false, any non-200 status or a
// soapenv:Fault aborts the program; if true, a fault (HTTP 500) is required.
func (c *soapClient) call(file, body string, wantFault bool) []byte {
	req, err := http.NewRequest(http.MethodPost, c.url, strings.NewReader(envelope(body)))
	if err != nil {
		fatalf("%s: %v", file, err)
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	req.Header.Set("SOAPAction", soapAction)
	res, err := c.http.Do(req)
	if err != nil {
		fatalf("%s: request failed: %v", file, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		fatalf("%s: reading response: %v", file, err)
	}
	isFault := bytes.Contains(raw, []byte("Fault>"))
	switch {
	case wantFault && (res.StatusCode != http.StatusInternalServerError || !isFault):
		fatalf("%s: expected a SOAP fault (HTTP 500), got HTTP %d:\n%s", file, res.StatusCode, raw)
	case !wantFault && (res.StatusCode != http.StatusOK || isFault):
		fatalf("%s: unexpected HTTP %d / fault:\n%s", file, res.StatusCode, raw)
	}
	if file != "" {
		path := filepath.Join(c.outDir, file)
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			fatalf("%s: %v", file, err)
		}
		fmt.Printf("wrote %-45s HTTP %d %7d bytes\n", file, res.StatusCode, len(raw))
	}
	return raw
}

// ---------------------------------------------------------------------------
// Minimal generic XML tree, used to pick morefs out of responses.

type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []*node    `xml:",any"`
}

func parse(file string, raw []byte) *node {
	var n node
	if err := xml.Unmarshal(raw, &n); err != nil {
		fatalf("%s: response is not well-formed XML: %v", file, err)
	}
	return &n
}

// find returns the first descendant (depth-first) with the given local name.
func (n *node) find(local string) *node {
	for _, c := range n.Children {
		if c.XMLName.Local == local {
			return c
		}
		if f := c.find(local); f != nil {
			return f
		}
	}
	return nil
}

func (n *node) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

type moref struct{ Type, Value string }

func (m moref) xml(elem string) string {
	return fmt.Sprintf(`<%s type="%s">%s</%s>`, elem, m.Type, m.Value, elem)
}

func mustMoref(file string, root *node, local string) moref {
	n := root.find(local)
	if n == nil || n.attr("type") == "" || strings.TrimSpace(n.Text) == "" {
		fatalf("%s: no moref <%s> in response", file, local)
	}
	return moref{n.attr("type"), strings.TrimSpace(n.Text)}
}

// ---------------------------------------------------------------------------
// Request bodies

func retrieveOne(pc, obj moref, pathSet ...string) string {
	prop := `<all>true</all>`
	if len(pathSet) > 0 {
		prop = `<all>false</all>`
		for _, p := range pathSet {
			prop += `<pathSet>` + p + `</pathSet>`
		}
	}
	return `<RetrievePropertiesEx xmlns="urn:vim25">` + pc.xml("_this") +
		`<specSet><propSet><type>` + obj.Type + `</type>` + prop + `</propSet>` +
		`<objectSet>` + obj.xml("obj") + `<skip>false</skip></objectSet></specSet>` +
		`<options></options></RetrievePropertiesEx>`
}

// retrieveView retrieves pathSet of all objects of each type in a ContainerView.
func retrieveView(pc, view moref, types []string, pathSet ...string) string {
	var props string
	for _, t := range types {
		props += `<propSet><type>` + t + `</type><all>false</all>`
		for _, p := range pathSet {
			props += `<pathSet>` + p + `</pathSet>`
		}
		props += `</propSet>`
	}
	return `<RetrievePropertiesEx xmlns="urn:vim25">` + pc.xml("_this") +
		`<specSet>` + props +
		`<objectSet>` + view.xml("obj") + `<skip>true</skip>` +
		`<selectSet xsi:type="TraversalSpec"><name>traverseView</name>` +
		`<type>ContainerView</type><path>view</path><skip>false</skip></selectSet>` +
		`</objectSet></specSet><options></options></RetrievePropertiesEx>`
}

func createContainerView(viewMgr, root moref, types []string) string {
	var ts string
	for _, t := range types {
		ts += `<type>` + t + `</type>`
	}
	return `<CreateContainerView xmlns="urn:vim25">` + viewMgr.xml("_this") +
		root.xml("container") + ts + `<recursive>true</recursive></CreateContainerView>`
}

func login(sm moref, user, pass string) string {
	return `<Login xmlns="urn:vim25">` + sm.xml("_this") +
		`<userName>` + user + `</userName><password>` + pass + `</password></Login>`
}

// ---------------------------------------------------------------------------

func main() {
	out := flag.String("out", defaultOut(), "output directory for the captured SOAP responses")
	flag.Parse()

	if err := os.MkdirAll(*out, 0o755); err != nil {
		fatalf("%v", err)
	}

	// In-process vcsim, vCenter (VPX) model with the default inventory.
	model := simulator.VPX()
	if err := model.Create(); err != nil {
		fatalf("creating vcsim model: %v", err)
	}
	defer model.Remove()
	// Explicit credentials: with a non-default Listen.User, SessionManager.validLogin
	// compares userName/password exactly, so a wrong password yields InvalidLogin.
	// Plain HTTP on a random loopback port.
	model.Service.Listen = &url.URL{Host: "127.0.0.1:0", User: url.UserPassword(simUser, simPassword)}
	server := model.Service.NewServer()
	defer server.Close()

	sdk := *server.URL
	sdk.User = nil
	fmt.Printf("vcsim listening on %s, writing to %s\n", sdk.String(), *out)

	jar, _ := cookiejar.New(nil)
	c := &soapClient{
		url:    sdk.String(),
		http:   &http.Client{Jar: jar, Timeout: 60 * time.Second},
		outDir: *out,
	}
	// Separate client without cookie jar for the failing login, so that it
	// is evaluated without an existing session.
	anon := &soapClient{url: c.url, http: &http.Client{Timeout: 60 * time.Second}, outDir: *out}

	si := moref{"ServiceInstance", "ServiceInstance"}

	raw := c.call("RetrieveServiceContent.xml",
		`<RetrieveServiceContent xmlns="urn:vim25">`+si.xml("_this")+`</RetrieveServiceContent>`, false)
	sc := parse("RetrieveServiceContent.xml", raw)
	rootFolder := mustMoref("RetrieveServiceContent.xml", sc, "rootFolder")
	pc := mustMoref("RetrieveServiceContent.xml", sc, "propertyCollector")
	sessionMgr := mustMoref("RetrieveServiceContent.xml", sc, "sessionManager")
	viewMgr := mustMoref("RetrieveServiceContent.xml", sc, "viewManager")
	optionMgr := mustMoref("RetrieveServiceContent.xml", sc, "setting")
	perfMgr := mustMoref("RetrieveServiceContent.xml", sc, "perfManager")

	raw = anon.call("Fault-InvalidLogin.xml", login(sessionMgr, simUser, "wrong-"+simPassword), true)
	if !bytes.Contains(raw, []byte("InvalidLogin")) {
		fatalf("Fault-InvalidLogin.xml: fault is not InvalidLogin:\n%s", raw)
	}

	c.call("Login.xml", login(sessionMgr, simUser, simPassword), false)

	c.call("CurrentTime.xml",
		`<CurrentTime xmlns="urn:vim25">`+si.xml("_this")+`</CurrentTime>`, false)

	// Inventory listing: one ContainerView over all entity types of interest,
	// retrieving only "name", to discover one moref per type.
	invTypes := []string{"Datacenter", "ClusterComputeResource", "HostSystem",
		"VirtualMachine", "Datastore", "Network", "DistributedVirtualPortgroup"}
	raw = c.call("CreateContainerView-inventory.xml", createContainerView(viewMgr, rootFolder, invTypes), false)
	invView := mustMoref("CreateContainerView-inventory.xml", parse("CreateContainerView-inventory.xml", raw), "returnval")
	raw = c.call("RetrievePropertiesEx-inventory-names.xml", retrieveView(pc, invView, invTypes, "name"), false)
	byType := map[string][]string{}
	inv := parse("RetrievePropertiesEx-inventory-names.xml", raw)
	var collect func(*node)
	collect = func(n *node) {
		for _, ch := range n.Children {
			if ch.XMLName.Local == "objects" {
				if obj := ch.find("obj"); obj != nil {
					t := obj.attr("type")
					byType[t] = append(byType[t], strings.TrimSpace(obj.Text))
				}
				continue
			}
			collect(ch)
		}
	}
	collect(inv)
	first := func(t string) moref {
		ids := byType[t]
		if len(ids) == 0 {
			fatalf("inventory: no object of type %s found", t)
		}
		sort.Strings(ids) // deterministic choice
		return moref{t, ids[0]}
	}

	vm := first("VirtualMachine")
	c.call("RetrievePropertiesEx-vm-config.xml", retrieveOne(pc, vm, "config"), false)
	c.call("RetrievePropertiesEx-vm-all.xml", retrieveOne(pc, vm), false)
	c.call("RetrievePropertiesEx-host-all.xml", retrieveOne(pc, first("HostSystem")), false)
	c.call("RetrievePropertiesEx-datastore-all.xml", retrieveOne(pc, first("Datastore")), false)
	c.call("RetrievePropertiesEx-network-all.xml", retrieveOne(pc, first("Network")), false)
	c.call("RetrievePropertiesEx-dvportgroup-all.xml", retrieveOne(pc, first("DistributedVirtualPortgroup")), false)
	c.call("RetrievePropertiesEx-cluster-all.xml", retrieveOne(pc, first("ClusterComputeResource")), false)
	c.call("RetrievePropertiesEx-datacenter-all.xml", retrieveOne(pc, first("Datacenter")), false)

	// All VMs via a ContainerView of type VirtualMachine.
	vmTypes := []string{"VirtualMachine"}
	raw = c.call("CreateContainerView-vms.xml", createContainerView(viewMgr, rootFolder, vmTypes), false)
	vmView := mustMoref("CreateContainerView-vms.xml", parse("CreateContainerView-vms.xml", raw), "returnval")
	c.call("RetrievePropertiesEx-vms-summary.xml",
		retrieveView(pc, vmView, vmTypes, "config", "runtime", "summary", "guest"), false)

	// Non-existent VM moref -> ManagedObjectNotFound fault.
	c.call("Fault-ManagedObjectNotFound.xml",
		retrieveOne(pc, moref{"VirtualMachine", "vm-99999"}, "name"), true)

	c.call("RetrievePropertiesEx-optionmanager-all.xml", retrieveOne(pc, optionMgr), false)
	c.call("RetrievePropertiesEx-perfmanager-all.xml", retrieveOne(pc, perfMgr), false)

	// Every saved response must be well-formed XML.
	entries, _ := os.ReadDir(*out)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".xml") {
			b, err := os.ReadFile(filepath.Join(*out, e.Name()))
			if err != nil {
				fatalf("%v", err)
			}
			parse(e.Name(), b)
		}
	}
	fmt.Println("done")
}
