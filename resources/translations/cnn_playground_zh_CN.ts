<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut the block (JSON on the clipboard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the block as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the block on the clipboard after the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate the selected block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected block up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected block down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap in &amp;Sequential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the block in a named group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap in &amp;Residual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the block the body of a residual connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ngroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the group&apos;s blocks in its place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an empty branch to the concatenation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (or Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (or Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expand All Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collapse All Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the previous block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the next block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the last block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse the selected group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand the selected group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse or expand the selected group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected block in the Inspector (or double-click it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new, empty design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a design file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit CNN Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo the edit undone last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the layer palette (Enter adds the first match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the panels back where they started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List all keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About CNN Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the active model (design, weights, metrics) as a checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a checkpoint and make it the active model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import PyTorch Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn a torchvision model or a PyTorch module into a design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Design page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Train page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to D&amp;raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Draw page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Kernel Slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Kernel slide page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block &amp;Previews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on every block what it makes of the input sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train, pause or resume (on the Train page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands-on lessons that check your design as you edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop training and keep the weights so far (on the Train page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on Several &amp;GPUs/Machines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The torchrun command for this design and settings, and a job folder to copy to a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivationPlot</name>
    <message>
        <source>slope (max %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArithmeticPanel</name>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlockInspector</name>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlockPreview</name>
    <message>
        <source>+{n} ch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untrained</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidateBar</name>
    <message>
        <source>Use the new model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept {kept} active ({kept_acc} on validation): the new {new} reached {new_acc}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetPicker</name>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data path unknown: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data path for training from the command line or torchrun ({path}): {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>streamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesignEditor</name>
    <message numerus="yes">
        <source>Remove branch %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Expand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitViewOptions</name>
    <message>
        <source>What the network gets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre and scale like MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: the drawing is cropped to its ink, scaled to 20 pixels and centred, as MNIST was made. Off: the whole canvas is shrunk to 28×28 as it is, so the network sees the digit where and as big as you drew it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} px</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}:&lt;/b&gt; {blocks} kept no trained weights (new or reshaped by the edit), so its answers are partly guesses. Use the pretrained model, or train it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its output is a {shape} map ({count} numbers), not class scores: shown as it is, no probabilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not the design on the Design page ({name}): edit or train that one to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {shape} map, not a class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network sees ({h}×{w})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {shape} input the network gets, pixel for pixel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportModelDialog</name>
    <message>
        <source>Import PyTorch model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>torchvision:NAME for a torchvision classifier, or module:package.module:ClassOrFactory for any nn.Module built without arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C,H,W, e.g. 3,224,224 (torchvision: optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a state_dict file (.pt, .pth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a model first, e.g. torchvision:resnet18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {source}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights to load</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KernelSlidePage</name>
    <message>
        <source>Sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your own input, kernels and bias (the tutorials&apos; worked examples) and watch the same animation and arithmetic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sandbox: typed numbers, no network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not the design being edited ({name})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language of the window (remembered for the next start)</source>
        <translation>窗口的语言（下次启动时沿用）</translation>
    </message>
</context>
<context>
    <name>LessonDock</name>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>&lt;b&gt;Welcome to CNN Playground.&lt;/b&gt; Short lessons walk you from padding and stride to residual networks: each gives you a design and a task, and checks your work as you edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the first lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just explore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a lesson: its design opens in the editor, and the panel tells you when the task is solved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ All lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next lesson ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part {n} of {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson {n} of {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task, part {n} of {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs you train on the Train page count as evidence ({count} in this window so far).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select {path} in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Part {n} solved: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LivePlot</name>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave is off: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} damaged autosave(s) could not be read and were set aside: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkOverview</name>
    <message>
        <source>Draw a digit to see the whole network at work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This network was not built from its design here: its blocks cannot be shown one by one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NormCube</name>
    <message>
        <source>N (samples)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C (channels)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NormPicture</name>
    <message>
        <source>One mean and std over %1 (shaded), %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputMapView</name>
    <message>
        <source>Draw a digit to see the network&apos;s output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel {c}, at ({r}, {k}): {v:.4g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values from {low:.3g} to {high:.3g}; hover a cell for its value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewCanvas</name>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{block}: class {c}, p = {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{block}: {what} {c}, values {low} … {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to slide this kernel over the digit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunCurves</name>
    <message>
        <source>Loss (validation solid, training dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>{n} parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} multiply-accumulates per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained on {device}, from the {source}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsScatter</name>
    <message>
        <source>#{id} {design} on {dataset}
{macs} MACs, {params} params
best validation accuracy {acc:.2f}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Filter by run or design name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every training run, from this window, earlier launches and the command line. Select several to compare their curves; double-click a name or a note to edit it. MACs: multiply-accumulates per image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the run&apos;s design as a new untitled design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the run&apos;s saved weights the active model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the run a name of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note about the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected runs from the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run history cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The design of run #{id} cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of run #{id}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on run #{id}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {what} from the run history, with its metrics? This cannot be undone (saved checkpoints stay where they are).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxPanel</name>
    <message>
        <source>Your own numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input: one row a line, numbers split by spaces; a blank line starts the next channel (at most {side}×{side}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernels: one grid per input channel for output channel 0, then the same for output 1, …; a blank line between grids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One bias per output channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stride: how many cells the window jumps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding: a ring of zeros around the input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dilation: the gap between kernel taps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift the picture by one pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stride</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here {moved} of {cells} map cells change with the shift; after pooling the maps are {same}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your convolution</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TileGrid</name>
    <message>
        <source>{count} of {total} values are not numbers (NaN or infinite), shown in magenta: the weights have diverged. </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TorchrunDialog</name>
    <message>
        <source>Run on several GPUs/machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes per machine: one per GPU (on the CPU they share the cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machines (nodes); on several, each runs the command with its NODE_RANK and the first machine&apos;s MASTER_ADDR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes per machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the Train page&apos;s settings again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write job folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write design.json, launch.sh and a README into a folder to copy to the machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are not valid: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run it where {design} is, or write the job folder and run its {launch}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It trains the saved design file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{world} process(es) in all; the batch size {batch} is per process, so the global batch is {total}. Only the first process prints and writes the checkpoint, which opens here with File ▸ Load Model. {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the training job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the job: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {files} in {folder}: copy the folder to the machines and run ./{launch} there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Too big to train here: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Opened {what} as a new design</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>write_png</name>
    <message>
        <source>the image could not be encoded as PNG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
