// Small browser helpers the dashboard calls: copying text and saving a downloaded stream as a file.
window.agentTrace = {
  copyText: async (text) => {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    // Plain-HTTP pages have no clipboard API: copy through a hidden text area.
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  },
  saveStream: async (fileName, streamReference) => {
    const blob = new Blob([await streamReference.arrayBuffer()], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  },
};
