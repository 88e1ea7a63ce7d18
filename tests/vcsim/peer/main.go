// Command peer runs vcsim (govmomi's vSphere simulator) as a test peer for the
// EsxSdk C# test suite. It listens on 127.0.0.1 with a random port over plain
// HTTP (HTTPS with -tls), prints exactly one line of JSON to stdout once it is ready
//
//	{"url":"http://127.0.0.1:PORT/sdk","model":"vpx","user":"...","apiVersion":"6.5"}
//
// and serves until its stdin is closed (EOF) or it receives SIGTERM/SIGINT.
// It then shuts down and exits 0. Errors go to stderr with a non-zero exit.
//
// Build (GOPATH mode, Debian packages golang-go golang-github-vmware-govmomi-dev):
//
//	GOPATH=/usr/share/gocode GO111MODULE=off go build -o /tmp/esxsdk-vcsim .
package main

import (
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/vmware/govmomi/simulator"
)

// shutdownGrace bounds how long the server waits for in-flight requests.
const shutdownGrace = 3 * time.Second

// ready is the single line written to stdout once the server accepts requests.
type ready struct {
	URL        string `json:"url"`
	Model      string `json:"model"`
	User       string `json:"user"`
	APIVersion string `json:"apiVersion"`
	// QuestionVms maps a -questions role (serial, cdrom, ...) to the staged VM's name.
	QuestionVms map[string]string `json:"questionVms,omitempty"`
}

func fatalf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "esxsdk-vcsim: "+format+"\n", args...)
	os.Exit(1)
}

func logf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "esxsdk-vcsim: "+format+"\n", args...)
}

func main() {
	modelName := flag.String("model", "vpx", "simulator model: vpx (vCenter) or esx (standalone ESXi host)")
	user := flag.String("user", "esxsdk", "user name accepted by SessionManager.Login")
	password := flag.String("password", "esxsdk-test-pass", "password accepted by SessionManager.Login")
	idle := flag.Duration("session-idle-timeout", 0,
		"expire sessions idle for longer than this (Go duration, e.g. 2s); 0 = simulator default (never)")
	vms := flag.Int("vms", -1, "VMs per resource pool (simulator Model.Machine); -1 = model default (2)")
	hosts := flag.Int("hosts", -1, "hosts in the cluster (Model.ClusterHost, vpx only); -1 = model default (3)")
	questions := flag.Bool("questions", false,
		"stage VMs whose tasks block on VM questions (AnswerVM, CancelTask); calls are listed by GET /esxsdk/calls")
	busyFor := flag.Duration("busy-task-duration", 10*time.Minute, "with -questions: how long the busy VM's task and the slow VM's reconfigure run")
	queue := flag.Bool("queue-tasks", false, "with -questions: a reconfigure of the slow VM while one runs is queued behind it (vCenter) instead of refused with TaskInProgress (ESXi)")
	crowd := flag.Int("question-crowd", 0, "with -questions: this many more VMs (esxsdk-q-crowd-N) whose power-on asks the serial question")
	views := flag.String("container-views", viewsAvailable,
		"available: ViewManager as vcsim has it; absent: no viewManager in ServiceContent; unsupported: CreateContainerView faults with NotSupported")
	watchStdin := flag.Bool("watch-stdin", true, "exit when stdin reaches EOF")
	useTLS := flag.Bool("tls", false, "serve HTTPS with Go's built-in self-signed test certificate for 127.0.0.1 (clients connect with no_verify=1 or its thumbprint)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: %s [flags]\n", os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()

	if flag.NArg() != 0 {
		fatalf("unexpected arguments: %v", flag.Args())
	}
	if *crowd < 0 || (*crowd > 0 && !*questions) {
		fatalf("-question-crowd needs -questions and must not be negative")
	}
	if *user == "" || *password == "" {
		fatalf("-user and -password must not be empty")
	}
	if *idle < 0 {
		fatalf("-session-idle-timeout must not be negative: %s", *idle)
	}

	var model *simulator.Model
	switch *modelName {
	case "vpx":
		model = simulator.VPX()
		if *hosts >= 0 {
			model.ClusterHost = *hosts
		}
	case "esx":
		model = simulator.ESX()
		if *hosts >= 0 {
			fatalf("-hosts is only supported with -model vpx (the esx model is one host)")
		}
	default:
		fatalf("unknown -model %q (want vpx or esx)", *modelName)
	}
	if *vms >= 0 {
		model.Machine = *vms
	} else if *questions {
		// -questions needs 9 VMs (plus the crowd): vpx has 2 resource pools, esx one.
		if *modelName == "vpx" {
			model.Machine = 5 + (*crowd+1)/2
		} else {
			model.Machine = 9 + *crowd
		}
	}

	// Package-level in govmomi 0.24.2: every session Login creates gets a
	// goroutine that wakes up every SessionIdleTimeout and deletes the session
	// if it has been idle for longer than that (0 disables expiry).
	simulator.SessionIdleTimeout = *idle

	var err error
	if err = model.Create(); err != nil {
		fatalf("creating the %s model: %v", *modelName, err)
	}

	if err = configureViews(*views); err != nil {
		model.Remove()
		fatalf("%v", err)
	}

	var questionVms map[string]string
	restoreQuestions := func() {}
	if *questions {
		questionVms, restoreQuestions, err = stageQuestions(*busyFor, *crowd, *queue)
		if err != nil {
			model.Remove()
			fatalf("%v", err)
		}
	}

	// Explicit credentials: with a user other than the default, SessionManager
	// checks user name and password exactly (a wrong one fails with InvalidLogin).
	model.Service.Listen = &url.URL{Host: "127.0.0.1:0", User: url.UserPassword(*user, *password)}
	if *useTLS {
		// httptest's own localhost certificate; the ready line's url is then https://.
		model.Service.TLS = new(tls.Config)
	}
	server := model.Service.NewServer()
	if *questions {
		model.Service.ServeMux.HandleFunc("/esxsdk/calls", calls.serveHTTP)
	}

	// Subscribe before announcing readiness, so a SIGTERM right after the
	// ready line still takes the clean shutdown path.
	stop := make(chan string, 2)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)

	sdk := *server.URL
	sdk.User = nil
	line, err := json.Marshal(ready{
		URL:         sdk.String(),
		Model:       *modelName,
		User:        *user,
		APIVersion:  model.ServiceContent.About.ApiVersion,
		QuestionVms: questionVms,
	})
	if err != nil {
		server.Close()
		model.Remove()
		fatalf("encoding the ready line: %v", err)
	}
	if _, err := fmt.Fprintf(os.Stdout, "%s\n", line); err != nil {
		server.Close()
		model.Remove()
		fatalf("writing the ready line: %v", err)
	}

	go func() {
		s := <-signals
		stop <- "signal " + s.String()
	}()
	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop <- "stdin closed"
		}()
	}

	reason := <-stop
	logf("%s, shutting down", reason)

	// Server.Close waits for in-flight requests; do not hang on a stuck client.
	closed := make(chan struct{})
	go func() {
		server.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(shutdownGrace):
		logf("requests still running after %s, exiting anyway", shutdownGrace)
	}
	restoreQuestions()
	model.Remove()
}
