package main

// -questions: VMs whose tasks block on a VM question (runtime.question) until
// AnswerVM, plus CancelTask support. govmomi 0.24.2's simulator has neither
// AnswerVM nor CancelTask and runs every task synchronously inside the SOAP
// call, so the staged VMs and their tasks are wrapper types registered in
// simulator.Map in place of the originals:
//
//   - qVM embeds *simulator.VirtualMachine and overrides PowerOnVMTask /
//     ReconfigVMTask, adds AnswerVM. The simulator dispatches by reflection
//     (MethodByName on the registered object), so the wrapper's methods win.
//   - qTask embeds *simulator.Task and adds CancelTask.
//   - Both implement Get() mo.Reference, which the PropertyCollector uses to
//     find the real mo type (a wrapper embedding a pointer would otherwise make
//     getManagedObject panic).
//
// Every AnswerVM and CancelTask call received is recorded; GET /esxsdk/calls
// on the same HTTP server returns them as JSON lines.

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// ---- call recording ------------------------------------------------------

type recordedCall struct {
	Seq          int64  `json:"seq"`
	Time         string `json:"time"`
	Method       string `json:"method"`
	Vm           string `json:"vm,omitempty"`
	VmName       string `json:"vmName,omitempty"`
	QuestionID   string `json:"questionId,omitempty"`
	AnswerChoice string `json:"answerChoice,omitempty"`
	Task         string `json:"task,omitempty"`
	Result       string `json:"result"`
}

type callLog struct {
	mu    sync.Mutex
	calls []recordedCall
}

var calls callLog

func (l *callLog) add(c recordedCall) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c.Seq = int64(len(l.calls) + 1)
	c.Time = time.Now().UTC().Format(time.RFC3339Nano)
	l.calls = append(l.calls, c)
	if line, err := json.Marshal(c); err == nil {
		logf("call %s", line)
	}
}

func (l *callLog) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "GET only", http.StatusMethodNotAllowed)
		return
	}
	l.mu.Lock()
	snapshot := append([]recordedCall(nil), l.calls...)
	l.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-ndjson")
	enc := json.NewEncoder(w)
	for _, c := range snapshot {
		_ = enc.Encode(c)
	}
}

// ---- question specs ------------------------------------------------------

type choice struct{ key, label string }

type questionSpec struct {
	id         string // question id prefix; a counter is appended
	text       string
	messageID  string
	choices    []choice
	defaultIdx int32 // only meaningful with choices; 0 is omitted on the wire (omitempty)
}

func (s questionSpec) info(id string) types.VirtualMachineQuestionInfo {
	q := types.VirtualMachineQuestionInfo{
		Id:   id,
		Text: s.text,
		Message: []types.VirtualMachineMessage{{
			Id:   s.messageID,
			Text: s.text,
		}},
	}
	for _, c := range s.choices {
		q.Choice.ChoiceInfo = append(q.Choice.ChoiceInfo, &types.ElementDescription{
			Description: types.Description{Label: c.label, Summary: c.label},
			Key:         c.key,
		})
	}
	q.Choice.DefaultIndex = s.defaultIdx
	return q
}

var serialChoices = []choice{{"0", "Append"}, {"1", "Replace"}}

const serialText = "The serial port output file exists. Append or replace?"

var (
	serialQuestion = questionSpec{text: serialText, messageID: "msg.serial.file.open",
		choices: serialChoices, defaultIdx: 0}
	serialDefault1Question = questionSpec{text: serialText, messageID: "msg.serial.file.open",
		choices: serialChoices, defaultIdx: 1}
	cdromQuestion = questionSpec{
		text: "The guest operating system has locked the CD-ROM door and is probably using the CD-ROM, " +
			"which can prevent the guest from recognizing media changes. If possible, eject the CD-ROM from " +
			"inside the guest before disconnecting. Disconnect anyway and override the lock?",
		messageID: "msg.cdromdisconnect.locked",
		choices:   []choice{{"button.yes", "Yes"}, {"button.no", "No"}},
	}
	noDefaultQuestion = questionSpec{
		text:      "The virtual disk is locked by another process. Continue or abort?",
		messageID: "msg.disk.locked",
		choices:   []choice{{"0", "Continue"}, {"1", "Abort"}},
	}
	noChoicesQuestion = questionSpec{
		text:      "The virtual machine could not be powered on: an internal error occurred.",
		messageID: "msg.vm.internalError",
	}
)

var questionCounter int64

// ---- tasks -------------------------------------------------------------------

type qTask struct {
	*simulator.Task
	vm         *qVM
	cancelable bool
	canceled   chan struct{}
	once       sync.Once
	mu         sync.Mutex
	finished   bool
}

func (t *qTask) Get() mo.Reference { return t.Task }

var taskCounter int64

// newTask registers a running task (state running) for vm and adds it to the VM's recentTask.
func newTask(vm *qVM, name, descriptionID string, cancelable bool) *qTask {
	ref := vm.Reference()
	task := &simulator.Task{}
	task.Self = types.ManagedObjectReference{Type: "Task", Value: fmt.Sprintf("task-q%d", atomic.AddInt64(&taskCounter, 1))}
	now := time.Now()
	task.Info = types.TaskInfo{
		Key:           task.Self.Value,
		Task:          task.Self,
		Name:          name,
		DescriptionId: descriptionID,
		Entity:        &ref,
		EntityName:    vm.Name,
		State:         types.TaskInfoStateRunning,
		Cancelable:    cancelable,
		Reason:        &types.TaskReasonUser{UserName: "vcsim"},
		QueueTime:     now,
		StartTime:     &now,
		Progress:      0,
	}
	t := &qTask{Task: task, vm: vm, cancelable: cancelable, canceled: make(chan struct{})}
	simulator.Map.Put(t)
	vm.addRecent(task.Self)
	return t
}

func (t *qTask) progress(p int32) {
	simulator.Map.Update(t.Task, []types.PropertyChange{{Name: "info.progress", Val: p}})
}

// finish completes the task (success when fault is nil) and removes it from the VM's recentTask.
func (t *qTask) finish(fault types.BaseMethodFault) {
	t.mu.Lock()
	if t.finished {
		t.mu.Unlock()
		return
	}
	t.finished = true
	t.mu.Unlock()

	state := types.TaskInfoStateSuccess
	changes := []types.PropertyChange{{Name: "info.completeTime", Val: time.Now()}}
	if fault != nil {
		state = types.TaskInfoStateError
		changes = append(changes, types.PropertyChange{Name: "info.error", Val: types.LocalizedMethodFault{
			Fault:            fault,
			LocalizedMessage: fmt.Sprintf("%T", fault),
		}})
	} else {
		changes = append(changes, types.PropertyChange{Name: "info.progress", Val: int32(100)})
	}
	changes = append(changes, types.PropertyChange{Name: "info.state", Val: state})
	simulator.Map.Update(t.Task, changes)
	t.vm.removeRecent(t.Self)
}

func (t *qTask) CancelTask(ctx *simulator.Context, req *types.CancelTask) soap.HasFault {
	c := recordedCall{Method: "CancelTask", Task: req.This.Value, Vm: t.vm.Self.Value, VmName: t.vm.Name}
	t.mu.Lock()
	finished := t.finished
	t.mu.Unlock()
	switch {
	case finished:
		c.Result = "InvalidState"
		calls.add(c)
		return &methods.CancelTaskBody{Fault_: simulator.Fault("the task has already completed", &types.InvalidState{})}
	case !t.cancelable:
		c.Result = "NotSupported"
		calls.add(c)
		return &methods.CancelTaskBody{Fault_: simulator.Fault("the task cannot be canceled", &types.NotSupported{})}
	}
	c.Result = "ok"
	calls.add(c)
	t.once.Do(func() { close(t.canceled) })
	return &methods.CancelTaskBody{Res: &types.CancelTaskResponse{}}
}

// ---- VMs -------------------------------------------------------------------

type pendingQuestion struct {
	id      string
	choices []choice
	answer  chan string
}

type qVM struct {
	*simulator.VirtualMachine
	role    string
	onPower *questionSpec // question asked by PowerOnVM_Task (nil: simulator default)
	onCfg   *questionSpec // question asked by ReconfigVM_Task (nil: simulator default)
	slowCfg time.Duration // >0: ReconfigVM_Task runs this long without a question (cancelable)
	queue   bool          // with slowCfg: a reconfigure while one runs is queued behind it (vCenter), not refused (ESXi)
	racing  bool          // PowerOnVM_Task fails at once with QuestionPending (see stageQuestions)
	mu      sync.Mutex
	pending *pendingQuestion
	recent  []types.ManagedObjectReference
}

func (v *qVM) Get() mo.Reference { return v.VirtualMachine }

func (v *qVM) addRecent(ref types.ManagedObjectReference) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.recent = append(v.recent, ref)
	simulator.Map.Update(v.VirtualMachine, []types.PropertyChange{{Name: "recentTask", Val: append([]types.ManagedObjectReference(nil), v.recent...)}})
}

func (v *qVM) removeRecent(ref types.ManagedObjectReference) {
	v.mu.Lock()
	defer v.mu.Unlock()
	kept := v.recent[:0]
	for _, r := range v.recent {
		if r != ref {
			kept = append(kept, r)
		}
	}
	v.recent = kept
	var val interface{}
	if len(kept) > 0 {
		val = append([]types.ManagedObjectReference(nil), kept...)
	}
	simulator.Map.Update(v.VirtualMachine, []types.PropertyChange{{Name: "recentTask", Val: val}})
}

func (v *qVM) setQuestion(q *types.VirtualMachineQuestionInfo) {
	var val interface{}
	if q != nil {
		val = *q
	}
	simulator.Map.Update(v.VirtualMachine, []types.PropertyChange{
		{Name: "runtime.question", Val: val},
		{Name: "summary.runtime.question", Val: val},
	})
}

// ask publishes the question and blocks until it is answered (answer, true) or the task is canceled ("", false).
func (v *qVM) ask(t *qTask, spec questionSpec) (string, bool) {
	id := fmt.Sprintf("%d", atomic.AddInt64(&questionCounter, 1))
	q := spec.info(id)
	p := &pendingQuestion{id: id, choices: spec.choices, answer: make(chan string, 1)}
	v.mu.Lock()
	v.pending = p
	v.setQuestion(&q)
	v.mu.Unlock()
	t.progress(10)

	select {
	case a := <-p.answer:
		return a, true // AnswerVM already cleared runtime.question
	case <-t.canceled:
		v.mu.Lock()
		if v.pending == p {
			v.pending = nil
			v.setQuestion(nil)
		}
		v.mu.Unlock()
		return "", false
	}
}

func (v *qVM) powerOn() {
	now := time.Now()
	simulator.Map.Update(v.VirtualMachine, []types.PropertyChange{
		{Name: "runtime.powerState", Val: types.VirtualMachinePowerStatePoweredOn},
		{Name: "summary.runtime.powerState", Val: types.VirtualMachinePowerStatePoweredOn},
		{Name: "runtime.bootTime", Val: now},
		{Name: "summary.runtime.bootTime", Val: now},
	})
}

func (v *qVM) powerOff() {
	simulator.Map.Update(v.VirtualMachine, []types.PropertyChange{
		{Name: "runtime.powerState", Val: types.VirtualMachinePowerStatePoweredOff},
		{Name: "summary.runtime.powerState", Val: types.VirtualMachinePowerStatePoweredOff},
		{Name: "runtime.bootTime", Val: nil},
		{Name: "summary.runtime.bootTime", Val: nil},
	})
}

// startPowerOnQuestion starts a PowerOnVM_Task that blocks on spec until answered.
func (v *qVM) startPowerOnQuestion(spec questionSpec) *qTask {
	t := newTask(v, "PowerOnVM_Task", "VirtualMachine.powerOn", false)
	go func() {
		answer, ok := v.ask(t, spec)
		if !ok {
			t.finish(&types.RequestCanceled{})
			return
		}
		logf("vm %s (%s): power-on question answered %q", v.Name, v.role, answer)
		v.powerOn()
		t.finish(nil)
	}()
	return t
}

func (v *qVM) PowerOnVMTask(ctx *simulator.Context, req *types.PowerOnVM_Task) soap.HasFault {
	if v.racing {
		// Another client's power-on got in first and now waits on its question: this start is refused at once.
		v.mu.Lock()
		asked := v.pending != nil
		v.mu.Unlock()
		if !asked {
			v.startPowerOnQuestion(serialQuestion)
		}
		return &methods.PowerOnVM_TaskBody{Fault_: simulator.Fault(serialText, &types.QuestionPending{Text: serialText})}
	}
	if v.onPower == nil {
		return v.VirtualMachine.PowerOnVMTask(ctx, req)
	}
	if v.Runtime.PowerState == types.VirtualMachinePowerStatePoweredOn {
		return &methods.PowerOnVM_TaskBody{Fault_: simulator.Fault("already powered on", &types.InvalidPowerState{
			RequestedState: types.VirtualMachinePowerStatePoweredOn,
			ExistingState:  types.VirtualMachinePowerStatePoweredOn,
		})}
	}
	t := v.startPowerOnQuestion(*v.onPower)
	return &methods.PowerOnVM_TaskBody{Res: &types.PowerOnVM_TaskResponse{Returnval: t.Self}}
}

func (v *qVM) ReconfigVMTask(ctx *simulator.Context, req *types.ReconfigVM_Task) soap.HasFault {
	if v.slowCfg > 0 {
		v.mu.Lock()
		var running *types.ManagedObjectReference
		if len(v.recent) > 0 {
			r := v.recent[0]
			running = &r
		}
		v.mu.Unlock()
		if running != nil && !v.queue {
			// ESXi refuses a second task on a VM that is busy, naming the running one.
			return &methods.ReconfigVM_TaskBody{Fault_: simulator.Fault("another task is in progress", &types.TaskInProgress{Task: *running})}
		}
		if running != nil {
			t := v.startQueued(v.slowCfg, *running)
			return &methods.ReconfigVM_TaskBody{Res: &types.ReconfigVM_TaskResponse{Returnval: t.Self}}
		}
		t := v.startBusy(v.slowCfg)
		return &methods.ReconfigVM_TaskBody{Res: &types.ReconfigVM_TaskResponse{Returnval: t.Self}}
	}
	if v.onCfg == nil {
		return v.VirtualMachine.ReconfigVMTask(ctx, req)
	}
	spec := *v.onCfg
	t := newTask(v, "ReconfigVM_Task", "VirtualMachine.reconfigure", true)
	go func() {
		answer, ok := v.ask(t, spec)
		if !ok {
			t.finish(&types.RequestCanceled{})
			return
		}
		logf("vm %s (%s): reconfigure question answered %q", v.Name, v.role, answer)
		t.finish(nil)
	}()
	return &methods.ReconfigVM_TaskBody{Res: &types.ReconfigVM_TaskResponse{Returnval: t.Self}}
}

// startQueued starts a cancelable ReconfigVM_Task in state queued that runs for d once the task ahead has finished.
func (v *qVM) startQueued(d time.Duration, ahead types.ManagedObjectReference) *qTask {
	t := newTask(v, "ReconfigVM_Task", "VirtualMachine.reconfigure", true)
	simulator.Map.Update(t.Task, []types.PropertyChange{{Name: "info.state", Val: types.TaskInfoStateQueued}})
	go func() {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-t.canceled:
				t.finish(&types.RequestCanceled{})
				return
			case <-tick.C:
				v.mu.Lock()
				waiting := false
				for _, r := range v.recent {
					waiting = waiting || r == ahead
				}
				v.mu.Unlock()
				if !waiting {
					simulator.Map.Update(t.Task, []types.PropertyChange{{Name: "info.state", Val: types.TaskInfoStateRunning}})
					v.runBusy(t, d)
					return
				}
			}
		}
	}()
	return t
}

// startBusy starts a cancelable ReconfigVM_Task without a question that runs for d.
func (v *qVM) startBusy(d time.Duration) *qTask {
	t := newTask(v, "ReconfigVM_Task", "VirtualMachine.reconfigure", true)
	go v.runBusy(t, d)
	return t
}

// runBusy runs t for d (progress every second) unless it is canceled.
func (v *qVM) runBusy(t *qTask, d time.Duration) {
	start := time.Now()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-t.canceled:
			t.finish(&types.RequestCanceled{})
			return
		case now := <-tick.C:
			el := now.Sub(start)
			if el >= d {
				t.finish(nil)
				return
			}
			t.progress(int32(el * 100 / d))
		}
	}
}

func (v *qVM) AnswerVM(ctx *simulator.Context, req *types.AnswerVM) soap.HasFault {
	c := recordedCall{Method: "AnswerVM", Vm: req.This.Value, VmName: v.Name, QuestionID: req.QuestionId, AnswerChoice: req.AnswerChoice}
	v.mu.Lock()
	defer v.mu.Unlock()
	p := v.pending
	if p == nil || p.id != req.QuestionId {
		c.Result = "InvalidArgument:questionId"
		calls.add(c)
		return &methods.AnswerVMBody{Fault_: simulator.Fault("no pending question with id "+req.QuestionId,
			&types.InvalidArgument{InvalidProperty: "questionId"})}
	}
	if len(p.choices) > 0 {
		valid := false
		for _, ch := range p.choices {
			valid = valid || ch.key == req.AnswerChoice
		}
		if !valid {
			c.Result = "InvalidArgument:answerChoice"
			calls.add(c)
			return &methods.AnswerVMBody{Fault_: simulator.Fault("invalid answer "+req.AnswerChoice,
				&types.InvalidArgument{InvalidProperty: "answerChoice"})}
		}
	}
	c.Result = "ok"
	calls.add(c)
	v.pending = nil
	v.setQuestion(nil)
	p.answer <- req.AnswerChoice
	return &methods.AnswerVMBody{Res: &types.AnswerVMResponse{}}
}

// ---- staging -----------------------------------------------------------------

var questionRoles = []string{"serial", "serial-default1", "cdrom", "nodefault", "nochoices", "blocked", "busy", "slow", "racing"}

// stageQuestions renames the first len(questionRoles) VMs (sorted by name) to esxsdk-q-ROLE, and the next
// crowd VMs to esxsdk-q-crowd-N (power-on asks the serial question, default Append omitted on the wire for even
// N, Replace for odd N), replaces them in simulator.Map by qVM wrappers and starts the start-up tasks.
// It returns role -> VM name (crowd VMs as role crowd-N) and a function restoring the original objects.
func stageQuestions(busyFor time.Duration, crowd int, queue bool) (map[string]string, func(), error) {
	var vms []*simulator.VirtualMachine
	for _, e := range simulator.Map.All("VirtualMachine") {
		if vm, ok := e.(*simulator.VirtualMachine); ok && !vm.Config.Template {
			vms = append(vms, vm)
		}
	}
	roles := append([]string(nil), questionRoles...)
	for i := 0; i < crowd; i++ {
		roles = append(roles, fmt.Sprintf("crowd-%d", i))
	}
	if len(vms) < len(roles) {
		return nil, nil, fmt.Errorf("-questions needs %d VMs, the model has %d (raise -vms)", len(roles), len(vms))
	}
	sort.Slice(vms, func(i, j int) bool { return vms[i].Name < vms[j].Name })

	names := map[string]string{}
	var staged []*qVM
	for i, role := range roles {
		vm := vms[i]
		name := "esxsdk-q-" + role
		simulator.Map.Update(vm, []types.PropertyChange{
			{Name: "name", Val: name},
			{Name: "config.name", Val: name},
			{Name: "summary.config.name", Val: name},
		})
		q := &qVM{VirtualMachine: vm, role: role}
		switch role {
		case "serial":
			q.onPower = &serialQuestion
		case "serial-default1":
			q.onPower = &serialDefault1Question
		case "cdrom":
			q.onCfg = &cdromQuestion
		case "nodefault":
			q.onPower = &noDefaultQuestion
		case "nochoices":
			q.onPower = &noChoicesQuestion
		case "blocked":
			q.onPower = &serialQuestion
		case "slow":
			q.slowCfg = busyFor
			q.queue = queue
		case "racing":
			q.racing = true
			q.powerOff()
		default: // crowd-N, N = i - len(questionRoles)
			if (i-len(questionRoles))%2 == 0 {
				q.onPower = &serialQuestion
			} else {
				q.onPower = &serialDefault1Question
			}
		}
		if q.onPower != nil {
			q.powerOff()
		}
		simulator.Map.Put(q)
		staged = append(staged, q)
		names[role] = name
		switch role {
		case "blocked":
			q.startPowerOnQuestion(serialQuestion)
		case "busy":
			q.startBusy(busyFor)
		}
	}
	restore := func() {
		for _, q := range staged {
			simulator.Map.Put(q.VirtualMachine)
		}
	}
	return names, restore, nil
}
